import path from 'node:path';
import { app, session, shell, type WebContents } from 'electron';
import { desktopHost, desktopScheme } from '../common/api/desktop-bridge';

export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${desktopScheme}:` && url.host === desktopHost;
  } catch {
    return false;
  }
}

/** http(s) links leave the app for the system browser; nothing else is opened. */
function openExternally(raw: string): void {
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:' || url.protocol === 'http:') void shell.openExternal(url.toString());
  } catch {
    // not a URL: nothing to open
  }
}

function harden(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openExternally(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

/**
 * Exports and backups are files the page makes (blob: URLs of the app's own origin); they are saved where the
 * user says in the system's Save dialog. Nothing else is downloaded.
 */
function saveDownloadsWithDialog(): void {
  session.defaultSession.on('will-download', (event, item) => {
    if (!item.getURL().startsWith(`blob:${desktopScheme}://${desktopHost}/`)) {
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions({ title: 'Save', defaultPath: path.join(app.getPath('documents'), item.getFilename()) });
  });
}

/** Electron's security checklist items that apply to every window: navigation, new windows, permissions, downloads. */
export function applySecurityPolicies(): void {
  app.on('web-contents-created', (_event, contents) => harden(contents));
  saveDownloadsWithDialog();
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
