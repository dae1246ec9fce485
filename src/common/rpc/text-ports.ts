/**
 * TextPorts over the message ports Targum uses, in one place. Only text messages pass; anything else
 * arrives as an empty string, which the channel reports as malformed.
 */
import type { TextPort } from './channel';

const asText = (data: unknown): string => (typeof data === 'string' ? data : '');

/**
 * A port that posts messages and emits them Node-style: a worker_threads Worker or parentPort, an
 * Electron MessagePortMain. `read` takes the message out of what the port emits (Electron wraps it in an
 * event's `data`).
 */
export interface EmitterPort {
  postMessage(message: string): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

export function textPortOverEmitter(port: EmitterPort, read: (message: unknown) => unknown = (message) => message): TextPort {
  return {
    send: (text) => port.postMessage(text),
    onMessage: (handler) => {
      const listener = (message: unknown) => handler(asText(read(message)));
      port.on('message', listener);
      return () => void port.off('message', listener);
    },
  };
}

/** The `data` of an Electron MessagePortMain's message event. */
export const messageEventData = (event: unknown): unknown => (typeof event === 'object' && event !== null ? (event as { data?: unknown }).data : undefined);

/** A WebSocket with the browser's interface: the page's own, or the `ws` package's on the host (text frames arrive as strings). */
export interface BrowserStyleSocket {
  readonly readyState: number;
  send(text: string): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const socketOpen = 1;

export function textPortOverWebSocket(socket: BrowserStyleSocket): TextPort {
  return {
    // A socket closing under a reply drops the reply: its caller is gone.
    send: (text) => void (socket.readyState === socketOpen && socket.send(text)),
    onMessage: (handler) => {
      const listener = (event: { data: unknown }) => handler(asText(event.data));
      socket.addEventListener('message', listener);
      return () => socket.removeEventListener('message', listener);
    },
  };
}
