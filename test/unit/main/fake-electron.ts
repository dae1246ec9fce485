/**
 * Small fakes of the Electron modules the desktop host's policies use: they record the handlers the policies
 * install and let a test fire the events Electron would.
 */
import type { CallingFrame, DownloadRequest, GuardedContents, PreventableEvent, SecurityModules } from '../../../src/main/security';

export class FakeEvent implements PreventableEvent {
  prevented = false;
  preventDefault(): void {
    this.prevented = true;
  }
}

type Listener = (...args: never[]) => void;

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  /** Fires `event` as Electron would; the event object, to see whether a handler prevented it. */
  emit(event: string, ...args: unknown[]): FakeEvent {
    const fired = new FakeEvent();
    for (const listener of this.listeners.get(event) ?? []) (listener as (...args: unknown[]) => void)(fired, ...args);
    return fired;
  }
}

export class FakeWebContents extends Emitter implements GuardedContents {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeDownload implements DownloadRequest {
  saveDialogOptions: { title: string; defaultPath: string } | undefined;
  constructor(
    private readonly url: string,
    private readonly filename: string,
  ) {}
  getURL(): string {
    return this.url;
  }
  getFilename(): string {
    return this.filename;
  }
  setSaveDialogOptions(options: { title: string; defaultPath: string }): void {
    this.saveDialogOptions = options;
  }
}

export function fakeElectron() {
  const opened: string[] = [];
  const app = Object.assign(new Emitter(), { getPath: (name: 'documents') => `/home/reader/${name === 'documents' ? 'Documents' : name}` });
  const defaultSession = Object.assign(new Emitter(), {
    permissionRequestHandler: undefined as ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined,
    permissionCheckHandler: undefined as (() => boolean) | undefined,
    setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void) {
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: () => boolean) {
      this.permissionCheckHandler = handler;
    },
  });
  const shell = {
    openExternal: async (url: string) => {
      opened.push(url);
    },
  };
  const modules: SecurityModules = { app, session: { defaultSession }, shell };
  return { modules, app, defaultSession, opened };
}

/** A frame as Electron's WebFrameMain shows it; `gone` makes its getters throw, as a disposed frame's do. */
export function fakeFrame(url: string, { parent = null, gone = false }: { parent?: unknown; gone?: boolean } = {}): CallingFrame {
  return {
    get url() {
      if (gone) throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      return url;
    },
    get parent() {
      if (gone) throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      return parent;
    },
  };
}
