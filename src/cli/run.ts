import { ModelFolderError } from '../node/translation/model-folder';
import { ModelDownloadError } from '../node/models/hub-download';
import { readAppMetadata } from '../node/app-metadata';
import { ApiCallError } from '../common/api/reply';
import { CliError, type CliIo } from './cli-io';
import { alignCommand } from './commands/align';
import { importCommand } from './commands/import';
import { infoCommand } from './commands/info';
import { modelsCommand } from './commands/models';
import { translateCommand } from './commands/translate';
import { usage } from './usage';

const commands: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  align: alignCommand,
  import: importCommand,
  info: infoCommand,
  models: modelsCommand,
  translate: translateCommand,
};

/** Runs one command line; returns the exit code. Every failure is one `targum: ` line on stderr. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(usage);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${readAppMetadata().version}\n`);
      return 0;
    }
    const run = commands[command];
    if (!run || !Object.hasOwn(commands, command)) throw new CliError(`unknown command "${command}"; run "targum --help" for the commands`);
    return await run(rest, io);
  } catch (error) {
    const expected = error instanceof CliError || error instanceof ModelFolderError || error instanceof ModelDownloadError || error instanceof ApiCallError;
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`targum: ${message.split('\n')[0]}\n`);
    if (!expected && io.env.TARGUM_DEBUG) io.stderr(`${error instanceof Error ? error.stack : ''}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}
