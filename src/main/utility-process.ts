/**
 * Entry of the Electron utility process that hosts the Node services. It imports nothing from Electron:
 * the parent port is a global of the utility process.
 */
import { createApiDispatcher } from '../common/api/dispatcher';
import { serveApiOverPort } from '../common/rpc/channel';
import { createNodeServices } from '../node/services';
import type { UtilityStartMessage } from './utility-start-message';

const log = (message: string) => process.stderr.write(`[services] ${message}\n`);

process.parentPort.once('message', (message) => {
  const [port] = message.ports;
  const start = message.data as UtilityStartMessage;
  if (!port) {
    log('started without a message port');
    process.exit(1);
  }
  const channel = serveApiOverPort(
    {
      send: (text) => port.postMessage(text),
      onMessage: (handler) => {
        const listener = (event: Electron.MessageEvent) => handler(typeof event.data === 'string' ? event.data : '');
        port.on('message', listener);
        return () => void port.off('message', listener);
      },
    },
    createApiDispatcher(
      createNodeServices({
        host: 'desktop',
        app: start.app,
        paths: start.paths,
        resourcesDir: start.resourcesDir,
        runtime: { node: process.versions.node, electron: start.electronVersion },
        emit: (event) => channel.emit(event),
        log,
      }),
      (method, error) => log(`${method} failed: ${String(error)}`),
    ),
    (problem) => log(problem),
  );
  port.start();
});
