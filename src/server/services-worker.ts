/** Entry of the web host's worker thread that runs the Node services, off the thread serving the page. */
import { parentPort, workerData } from 'node:worker_threads';
import { textPortOverEmitter } from '../common/rpc/text-ports';
import { serveNodeServices } from '../node/services/start';

const port = parentPort;
if (!port) throw new Error('services-worker.ts runs as a worker thread');
serveNodeServices(workerData, textPortOverEmitter(port), (message) => process.stderr.write(`[services] ${message}\n`));
