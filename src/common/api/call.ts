/**
 * A call in progress, as each end of it sees it: the caller can cancel it, the services report progress
 * to it and take control messages (such as "these sentences first") from it.
 *
 * AbortController and AbortSignal exist wherever Targum runs but are not ECMAScript, so this layer names
 * only the shape it uses: an AbortSignal is a CallSignal as it is.
 */
export interface CallSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** The cancellation of one call on the receiving end, ended by the caller's cancel message or its going away. */
export class CallCancellation implements CallSignal {
  private cancelled = false;
  private readonly listeners = new Set<() => void>();

  get aborted(): boolean {
    return this.cancelled;
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    // Like AbortSignal: a listener added after the cancellation is not called; callers check `aborted`.
    if (!this.cancelled) this.listeners.add(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    this.listeners.delete(listener);
  }

  abort(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    const listeners = [...this.listeners];
    this.listeners.clear();
    listeners.forEach((listener) => listener());
  }
}

/** What a service method receives beside its parameters. */
export interface CallContext<Progress = unknown, Control = unknown> {
  readonly signal: CallSignal;
  /** Sends a progress message to the caller of this call, and to no one else. */
  progress(value: Progress): void;
  /** Control messages the caller sends to this running call. */
  onControl(listener: (value: Control) => void): void;
}

/** A context for a call made in the same process (the command line): nothing to report to, cancelled by `signal`. */
export function localCall<Progress, Control>(
  options: { signal?: CallSignal; onProgress?: (value: Progress) => void } = {},
): CallContext<Progress, Control> {
  return {
    signal: options.signal ?? new CallCancellation(),
    progress: (value) => options.onProgress?.(value),
    onControl: () => undefined,
  };
}
