/** The object the desktop host's preload exposes to the page, and the IPC channels behind it. */
export const desktopBridgeKey = 'targum';

export const ipcChannels = {
  call: 'targum:call',
  event: 'targum:event',
} as const;

export interface DesktopBridge {
  call(method: string, params: unknown): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
}

/** The app's own origin on the desktop: a custom standard scheme. IndexedDB lives under it; never change it. */
export const desktopScheme = 'app';
export const desktopHost = 'targum';
export const desktopOrigin = `${desktopScheme}://${desktopHost}`;
