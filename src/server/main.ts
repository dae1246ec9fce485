/** `npm run web`: the web host on 127.0.0.1, serving the renderer build and the Node services. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sourceRootDir } from '../node/app-metadata';
import { resolveDataPaths } from '../node/paths';
import { createTeamRelay } from '../node/team/team-relay';
import { privateTeamStore } from '../node/team/team-store';
import { spawnWebServices } from './services-thread';
import { defaultWebHostPort, startWebHost } from './web-host';

function fail(message: string): never {
  process.stderr.write(`targum web: ${message}\n`);
  process.exit(1);
}

let port = defaultWebHostPort;
try {
  const { values } = parseArgs({ options: { port: { type: 'string' } }, strict: true });
  port = values.port === undefined ? defaultWebHostPort : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not "${values.port}"`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const log = (message: string) => process.stderr.write(`${message}\n`);
const paths = resolveDataPaths();
const team = privateTeamStore(paths.dataDir, log);
try {
  const host = await startWebHost({
    port,
    rendererDir: path.join(sourceRootDir, 'out', 'renderer'),
    log,
    spawnServices: () => spawnWebServices(paths),
    teamRelay: createTeamRelay({ team: () => team.connection() }),
  });
  process.stdout.write(`Targum web host: open ${host.url}\n`);
  process.stdout.write(`Data folder: ${paths.dataDir}\n`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') fail(`port ${port} is in use (is Targum already running?); choose another with --port`);
  fail(error instanceof Error ? error.message : String(error));
}
