/**
 * Electron's security checklist items that apply to every window: navigation, new windows, permissions, downloads,
 * and who may call the API. The Electron modules come in as arguments (only the parts used, as the interfaces below),
 * so these rules run under test against small fakes, where no Electron binary exists.
 */
import path from 'node:path';
import { desktopHost, desktopScheme } from '../common/api/desktop-bridge';

export interface PreventableEvent {
  preventDefault(): void;
}

/** A window's web contents, as Electron's `WebContents` offers it. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface DownloadRequest {
  getURL(): string;
  getFilename(): string;
  setSaveDialogOptions(options: { title: string; defaultPath: string }): void;
}

export interface SecurityModules {
  app: {
    on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): unknown;
    getPath(name: 'documents'): string;
  };
  session: {
    defaultSession: {
      on(event: 'will-download', listener: (event: PreventableEvent, item: DownloadRequest) => void): unknown;
      setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
      setPermissionCheckHandler(handler: () => boolean): void;
    };
  };
  shell: { openExternal(url: string): Promise<void> };
}

/** The frame a call comes from, as Electron's `WebFrameMain` offers it (its getters throw once the frame is gone). */
export interface CallingFrame {
  readonly url: string;
  readonly parent: unknown;
}

export interface CallSender<Contents> {
  readonly sender: Contents;
  readonly senderFrame: CallingFrame | null;
}

export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${desktopScheme}:` && url.host === desktopHost;
  } catch {
    return false;
  }
}

/**
 * Why a call is refused, or undefined when it comes from the app's window: its top frame, showing the app's own
 * origin. Said for the log.
 */
export function senderRefusal<Contents>(call: CallSender<Contents>, appWindow: Contents | undefined): string | undefined {
  if (appWindow === undefined || call.sender !== appWindow) return 'a call from another web contents than the Targum window';
  const frame = call.senderFrame;
  if (!frame) return 'a call from a frame that is gone';
  try {
    if (frame.parent !== null) return `a call from a subframe (${frame.url})`;
    if (!isAppUrl(frame.url)) return `a call from ${frame.url}`;
    return undefined;
  } catch {
    return 'a call from a frame that is gone';
  }
}

/** http(s) links leave the app for the system browser; nothing else is opened. */
function openExternally(shell: SecurityModules['shell'], raw: string): void {
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:' || url.protocol === 'http:') void shell.openExternal(url.toString()).catch(() => undefined);
  } catch {
    // not a URL: nothing to open
  }
}

/** Navigation stays on app://targum; new windows and webviews are never made. */
export function harden(contents: GuardedContents, shell: SecurityModules['shell']): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openExternally(shell, url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(shell, url);
    return { action: 'deny' };
  });
}

/**
 * Exports and backups are files the page makes (blob: URLs of the app's own origin); they are saved where the
 * user says in the system's Save dialog. Nothing else is downloaded.
 */
function saveDownloadsWithDialog({ app, session }: SecurityModules): void {
  session.defaultSession.on('will-download', (event, item) => {
    if (!item.getURL().startsWith(`blob:${desktopScheme}://${desktopHost}/`)) {
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions({ title: 'Save', defaultPath: path.join(app.getPath('documents'), item.getFilename()) });
  });
}

/** Applies the policies to every window the app makes; call once the app is ready. */
export function applySecurityPolicies(electron: SecurityModules): void {
  electron.app.on('web-contents-created', (_event, contents) => harden(contents, electron.shell));
  saveDownloadsWithDialog(electron);
  electron.session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  electron.session.defaultSession.setPermissionCheckHandler(() => false);
}
