import { MessageChannelMain, utilityProcess } from 'electron';
import type { ServicesChild } from '../common/rpc/services-connection';
import { messageEventData, textPortOverEmitter } from '../common/rpc/text-ports';
import type { ServicesStart } from '../node/services/start';

/** Starts the Node services in an Electron utility process, reached over a MessagePort. */
export function spawnServicesProcess(entry: string, start: ServicesStart): ServicesChild {
  const child = utilityProcess.fork(entry, [], { serviceName: 'Targum services', stdio: 'inherit' });
  const { port1, port2 } = new MessageChannelMain();
  child.postMessage(start, [port2]);
  port1.start();
  return {
    port: textPortOverEmitter(port1, messageEventData),
    onExit: (listener) => {
      child.once('exit', (code) => {
        port1.close();
        listener(`the services process exited with code ${code}`);
      });
    },
    stop: () => child.kill(),
  };
}
