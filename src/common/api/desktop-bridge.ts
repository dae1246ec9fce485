import type { TextPort } from '../rpc/channel';

/** The object the desktop host's preload exposes to the page, and the IPC channels behind it. */
export const desktopBridgeKey = 'targum';

export const ipcChannels = {
  /** Sent by the preload as each page loads: the main process ends the calls of the page before it. */
  open: 'targum:open',
  /** The API's text messages, both ways. */
  message: 'targum:message',
} as const;

/** The API's message port to the main process: the page runs the same channel over it as over the web host's WebSocket. */
export type DesktopBridge = TextPort;

/** The app's own origin on the desktop: a custom standard scheme. IndexedDB lives under it; never change it. */
export const desktopScheme = 'app';
export const desktopHost = 'targum';
export const desktopOrigin = `${desktopScheme}://${desktopHost}`;
