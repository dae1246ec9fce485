import type { TextPort } from '../rpc/channel';

/** The object the desktop host's preload exposes to the page, and the IPC channels behind it. */
export const desktopBridgeKey = 'targum';

export const ipcChannels = {
  /** Sent by the preload as each page loads: the main process ends the calls of the page before it. */
  open: 'targum:open',
  /** The API's text messages, both ways. */
  message: 'targum:message',
  /** Asks the main process to show the system's folder dialog; answers the chosen folder's path, or nothing. */
  chooseFolder: 'targum:choose-folder',
} as const;

/**
 * The API's message port to the main process (the page runs the same channel over it as over the web host's
 * WebSocket), and the one thing only the desktop has: the system's folder dialog.
 */
export type DesktopBridge = TextPort & { chooseFolder(): Promise<string | undefined> };

/** The app's own origin on the desktop: a custom standard scheme. IndexedDB lives under it; never change it. */
export const desktopScheme = 'app';
export const desktopHost = 'targum';
export const desktopOrigin = `${desktopScheme}://${desktopHost}`;
