import { readAppMetadata, sourceRootDir } from '../node/app-metadata';
import { resolveDataPaths } from '../node/paths';
import { createNodeServices } from '../node/services';
import path from 'node:path';
import { CliError, type CliIo } from './cli-io';
import { usage } from './usage';

/** Runs one command line; returns the exit code. Every failure is one `targum: ` line on stderr. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = args;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(usage);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${readAppMetadata().version}\n`);
      return 0;
    }
    if (command === 'info') return await info(rest, io);
    throw new CliError(`unknown command "${command}"; run "targum --help" for the commands`);
  } catch (error) {
    io.stderr(`targum: ${error instanceof CliError ? error.message : error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}

function cliServices(log: (message: string) => void) {
  return createNodeServices({
    host: 'cli',
    app: readAppMetadata(),
    paths: resolveDataPaths(),
    resourcesDir: path.join(sourceRootDir, 'resources'),
    runtime: { node: process.versions.node },
    emit: () => undefined,
    log,
  });
}

/** `targum info [--json]`: where Targum keeps its data, and its version. */
async function info(args: string[], io: CliIo): Promise<number> {
  const unknown = args.filter((arg) => arg !== '--json');
  if (unknown.length > 0) throw new CliError(`info: unknown option "${unknown[0]}"`);
  const appInfo = await cliServices((message) => io.stderr(`${message}\n`)).getAppInfo({});
  if (args.includes('--json')) {
    const { version: appVersion, ...rest } = appInfo;
    io.stdout(`${JSON.stringify({ version: 1, appVersion, ...rest }, null, 2)}\n`);
  } else {
    io.stdout(`Targum ${appInfo.version}\ndata folder: ${appInfo.dataDir}\nmodels folder: ${appInfo.modelsDir}\n`);
  }
  return 0;
}
