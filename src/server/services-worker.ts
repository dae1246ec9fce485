/** Entry of the web host's worker thread that runs the Node services, off the thread serving the page. */
import { parentPort, workerData } from 'node:worker_threads';
import { serveNodeServices } from '../node/services/start';

const port = parentPort;
if (!port) throw new Error('services-worker.ts runs as a worker thread');
serveNodeServices(
  workerData,
  {
    send: (text) => port.postMessage(text),
    onMessage: (handler) => {
      const listener = (data: unknown) => handler(typeof data === 'string' ? data : '');
      port.on('message', listener);
      return () => void port.off('message', listener);
    },
  },
  (message) => process.stderr.write(`[services] ${message}\n`),
);
