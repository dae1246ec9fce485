import { MessageChannelMain, utilityProcess, type UtilityProcess } from 'electron';
import { errorReply } from '../common/api/reply';
import { connectApiOverPort, type ApiClientChannel } from '../common/rpc/channel';
import type { UtilityStartMessage } from './utility-start-message';

/**
 * The Node services run in an Electron utility process, reached over a MessagePort, so that translation
 * never blocks the main process or the window. A crashed process is started again on the next call.
 */
export class ServicesProcess {
  private child: UtilityProcess | undefined;
  private channel: ApiClientChannel | undefined;

  constructor(
    private readonly entry: string,
    private readonly start: UtilityStartMessage,
    private readonly onEvent: (event: unknown) => void,
    private readonly log: (message: string) => void,
  ) {}

  async call(method: string, params: unknown): Promise<unknown> {
    try {
      return await this.connect().call(method, params);
    } catch (error) {
      return errorReply('unavailable', `the services process did not answer: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  stop(): void {
    this.child?.kill();
  }

  private connect(): ApiClientChannel {
    if (this.channel) return this.channel;
    const child = utilityProcess.fork(this.entry, [], { serviceName: 'Targum services', stdio: 'inherit' });
    const { port1, port2 } = new MessageChannelMain();
    child.postMessage(this.start, [port2]);
    const channel = connectApiOverPort(
      {
        send: (text) => port1.postMessage(text),
        onMessage: (handler) => {
          const listener = (event: Electron.MessageEvent) => handler(typeof event.data === 'string' ? event.data : '');
          port1.on('message', listener);
          return () => void port1.off('message', listener);
        },
      },
      this.onEvent,
      (problem) => this.log(`services channel: ${problem}`),
    );
    port1.start();
    child.once('exit', (code) => {
      this.log(`services process exited with code ${code}`);
      channel.close(`services process exited with code ${code}`);
      port1.close();
      if (this.child === child) {
        this.child = undefined;
        this.channel = undefined;
      }
    });
    this.child = child;
    this.channel = channel;
    return channel;
  }
}
