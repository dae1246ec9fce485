/**
 * The part of Node's EventEmitter (the `events` module) that PouchDB uses, for the page: pouchdb-browser imports
 * `events` and expects the bundler to supply it. The renderer build maps `events` here (electron.vite.config.ts).
 * Methods are enumerable, as Node's are: PouchDB copies them from the prototype onto its constructor. Its state is
 * made on first use, as Node's is: PouchDB makes objects of subclasses without running this constructor.
 */
type Listener = (...args: never[]) => unknown;

const registry = Symbol('listeners');
const limit = Symbol('max listeners');

export default class EventEmitter {
  declare private [registry]?: Map<string | symbol, Listener[]>;
  declare private [limit]?: number;

  private get events(): Map<string | symbol, Listener[]> {
    return (this[registry] ??= new Map());
  }

  static listenerCount(emitter: EventEmitter, type: string | symbol): number {
    return emitter.listenerCount(type);
  }

  /** As Node's: 'newListener' is told before a listener is added, 'removeListener' after one is removed (PouchDB's sync wires its two replications so). */
  on(type: string | symbol, listener: Listener): this {
    if (this.events.has('newListener')) this.emit('newListener', type, (listener as { listener?: Listener }).listener ?? listener);
    this.events.set(type, [...(this.events.get(type) ?? []), listener]);
    return this;
  }

  addListener(type: string | symbol, listener: Listener): this {
    return this.on(type, listener);
  }

  prependListener(type: string | symbol, listener: Listener): this {
    if (this.events.has('newListener')) this.emit('newListener', type, listener);
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
      if (this.events.has('removeListener')) this.emit('removeListener', type, listener);
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
    this[limit] = count;
    return this;
  }

  getMaxListeners(): number {
    return this[limit] ?? 10;
  }
}

for (const key of Object.getOwnPropertyNames(EventEmitter.prototype)) {
  const descriptor = Object.getOwnPropertyDescriptor(EventEmitter.prototype, key)!;
  if (key !== 'constructor' && typeof descriptor.value === 'function') Object.defineProperty(EventEmitter.prototype, key, { enumerable: true });
}

export { EventEmitter };
