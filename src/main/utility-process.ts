/**
 * Entry of the Electron utility process that hosts the Node services. It imports nothing from Electron:
 * the parent port is a global of the utility process.
 */
import { messageEventData, textPortOverEmitter } from '../common/rpc/text-ports';
import { serveNodeServices } from '../node/services/start';

const log = (message: string) => process.stderr.write(`[services] ${message}\n`);

process.parentPort.once('message', (message) => {
  const [port] = message.ports;
  if (!port) {
    log('started without a message port');
    process.exit(1);
  }
  serveNodeServices(message.data, textPortOverEmitter(port, messageEventData), log);
  port.start();
});
