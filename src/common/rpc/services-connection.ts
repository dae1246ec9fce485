import type { CallContext } from '../api/call';
import { apiReplySchema, errorReply, type ApiReply } from '../api/reply';
import { connectApiOverPort, type ApiClientChannel, type TextPort } from './channel';

/** A running services process or thread, as seen from the host that started it. */
export interface ServicesChild {
  port: TextPort;
  onExit(listener: (reason: string) => void): void;
  stop(): void;
}

/**
 * The host's end of the services: started on the first call, started again on the next call after it
 * stops (a crash answers the calls in flight with an "unavailable" reply instead of leaving them hanging).
 */
export class ServicesConnection {
  private child: ServicesChild | undefined;
  private channel: ApiClientChannel | undefined;

  constructor(
    private readonly spawn: () => ServicesChild,
    private readonly log: (message: string) => void,
  ) {}

  /** Forwards a call with its cancellation, progress and control messages; the reply is checked for shape only (its caller checks its value). */
  async call(method: string, params: unknown, call: CallContext): Promise<ApiReply> {
    const forwarded = this.connect().call(method, params, { signal: call.signal, onProgress: (value) => call.progress(value) });
    call.onControl((value) => forwarded.control(value));
    const reply = apiReplySchema.safeParse(await forwarded.reply);
    return reply.success ? reply.data : errorReply('failed', `${method}: the services sent a malformed reply`);
  }

  /** Starts the services now rather than on the first call (loading takes a moment). */
  warmUp(): void {
    this.connect();
  }

  stop(): void {
    this.child?.stop();
  }

  private connect(): ApiClientChannel {
    if (this.channel) return this.channel;
    const child = this.spawn();
    const channel = connectApiOverPort(child.port, (problem) => this.log(`services channel: ${problem}`));
    child.onExit((reason) => {
      this.log(`services stopped: ${reason}`);
      channel.close(`the translation services stopped: ${reason}`);
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
