import { describe, expect, it, vi } from 'vitest';
import EventEmitter from '../../../src/renderer/team/event-emitter';

describe("the page's EventEmitter (what PouchDB uses of Node's)", () => {
  it('works on objects made without its constructor, as PouchDB makes them', () => {
    function Made(this: EventEmitter) {}
    Made.prototype = Object.create(EventEmitter.prototype, { constructor: { value: Made } });
    const made = Object.create(Made.prototype) as EventEmitter;
    const heard = vi.fn();
    made.on('change', heard);
    expect(made.emit('change', 1, 2)).toBe(true);
    expect(heard).toHaveBeenCalledWith(1, 2);
  });

  it('tells newListener before a listener is added and removeListener after, and once listens once', () => {
    const emitter = new EventEmitter();
    const added: unknown[] = [];
    const removed: unknown[] = [];
    emitter.on('newListener', (type: string) => added.push(type));
    emitter.on('removeListener', (type: string) => removed.push(type));
    const once = vi.fn();
    emitter.once('paused', once);
    expect(emitter.listenerCount('paused')).toBe(1);
    expect(EventEmitter.listenerCount(emitter, 'paused')).toBe(1);
    emitter.emit('paused', 'error');
    emitter.emit('paused', 'again');
    expect(once).toHaveBeenCalledTimes(1);
    expect(added).toEqual(['removeListener', 'paused']);
    expect(removed).toEqual(['paused']);
    expect(emitter.listeners('paused')).toEqual([]);
  });

  it('has enumerable methods, which PouchDB copies onto its constructor', () => {
    expect(Object.keys(EventEmitter.prototype)).toEqual(expect.arrayContaining(['on', 'once', 'emit', 'removeListener', 'removeAllListeners', 'listeners']));
  });

  it('throws an error event no one listens to, as Node does', () => {
    expect(() => new EventEmitter().emit('error', new Error('lost'))).toThrow('lost');
  });
});
