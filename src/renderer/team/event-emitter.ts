/**
 * The part of Node's EventEmitter (the `events` module) that PouchDB uses, for the page: pouchdb-browser imports
 * `events` and expects the bundler to supply it. The renderer build maps `events` here (electron.vite.config.ts).
 * Methods are enumerable, as Node's are: PouchDB copies them from the prototype onto its constructor.
 */
type Listener = (...args: never[]) => unknown;

export default class EventEmitter {
  private events = new Map<string | symbol, Listener[]>();
  private maxListeners = 10;

  static listenerCount(emitter: EventEmitter, type: string | symbol): number {
    return emitter.listenerCount(type);
  }

  on(type: string | symbol, listener: Listener): this {
    this.events.set(type, [...(this.events.get(type) ?? []), listener]);
    return this;
  }

  addListener(type: string | symbol, listener: Listener): this {
    return this.on(type, listener);
  }

  prependListener(type: string | symbol, listener: Listener): this {
    this.events.set(type, [listener, ...(this.events.get(type) ?? [])]);
    return this;
  }

  once(type: string | symbol, listener: Listener): this {
    const once = Object.assign((...args: never[]) => {
      this.removeListener(type, once);
      return listener(...args);
    }, { listener });
    return this.on(type, once);
  }

  removeListener(type: string | symbol, listener: Listener): this {
    const listeners = this.events.get(type);
    if (!listeners) return this;
    const index = listeners.findLastIndex((candidate) => candidate === listener || (candidate as { listener?: Listener }).listener === listener);
    if (index >= 0) {
      const rest = listeners.toSpliced(index, 1);
      if (rest.length) this.events.set(type, rest);
      else this.events.delete(type);
    }
    return this;
  }

  off(type: string | symbol, listener: Listener): this {
    return this.removeListener(type, listener);
  }

  removeAllListeners(type?: string | symbol): this {
    if (type === undefined) this.events.clear();
    else this.events.delete(type);
    return this;
  }

  emit(type: string | symbol, ...args: unknown[]): boolean {
    const listeners = this.events.get(type);
    if (!listeners?.length) {
      if (type === 'error') throw args[0] instanceof Error ? args[0] : new Error(`Unhandled error event: ${String(args[0])}`);
      return false;
    }
    for (const listener of [...listeners]) (listener as (...args: unknown[]) => unknown).apply(this, args);
    return true;
  }

  listeners(type: string | symbol): Listener[] {
    return (this.events.get(type) ?? []).map((listener) => (listener as { listener?: Listener }).listener ?? listener);
  }

  listenerCount(type: string | symbol): number {
    return this.events.get(type)?.length ?? 0;
  }

  eventNames(): Array<string | symbol> {
    return [...this.events.keys()];
  }

  setMaxListeners(count: number): this {
    this.maxListeners = count;
    return this;
  }

  getMaxListeners(): number {
    return this.maxListeners;
  }
}

for (const key of Object.getOwnPropertyNames(EventEmitter.prototype)) {
  if (key !== 'constructor') Object.defineProperty(EventEmitter.prototype, key, { enumerable: true });
}

export { EventEmitter };
