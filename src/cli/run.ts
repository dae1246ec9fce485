import { ModelFolderError } from '../node/translation/model-folder';
import { ModelDownloadError } from '../node/models/hub-download/errors';
import { readAppMetadata } from '../node/app-metadata';
import { ApiCallError } from '../common/api/reply';
import { CliError, type CliIo } from './cli-io';
import { usage } from './usage';

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Each command's modules load when it runs, so `--version` and `--help` load none of them. */
const commands: Record<string, () => Promise<Command>> = {
  align: async () => (await import('./commands/align')).alignCommand,
  import: async () => (await import('./commands/import')).importCommand,
  info: async () => (await import('./commands/info')).infoCommand,
  models: async () => (await import('./commands/models')).modelsCommand,
  translate: async () => (await import('./commands/translate')).translateCommand,
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
    const load = commands[command];
    if (!load || !Object.hasOwn(commands, command)) throw new CliError(`unknown command "${command}"; run "targum --help" for the commands`);
    return await (await load())(rest, io);
  } catch (error) {
    const expected = error instanceof CliError || error instanceof ModelFolderError || error instanceof ModelDownloadError || error instanceof ApiCallError;
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`targum: ${message.split('\n')[0]}\n`);
    if (!expected && io.env.TARGUM_DEBUG) io.stderr(`${error instanceof Error ? error.stack : ''}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}
