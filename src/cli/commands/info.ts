import { localCall } from '../../common/api/call';
import { parseCommandArgs } from '../arguments';
import { CliError, type CliIo } from '../cli-io';
import { cliServices } from '../context';

/** `targum info [--json]`: where Targum keeps its data, and its version. */
export async function infoCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('info', args, { json: { type: 'boolean' } });
  if (positionals.length) throw new CliError(`info: unexpected "${positionals[0]}"`);
  const services = cliServices(io);
  const { version: appVersion, ...appInfo } = await services.files.appInfo({}, localCall());
  await services.dispose();
  if (values.json) io.stdout(`${JSON.stringify({ version: 1, appVersion, ...appInfo }, null, 2)}\n`);
  else io.stdout(`Targum ${appVersion}\ndata folder: ${appInfo.dataDir}\nmodels folder: ${appInfo.modelsDir}\n`);
  return 0;
}
