/**
 * The desktop host's bridge: one narrow object, `window.targum`, a text message port to the main process
 * and the system's folder dialog.
 * Raw ipcRenderer never reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { desktopBridgeKey, ipcChannels, type DesktopBridge } from '../common/api/desktop-bridge';

const bridge: DesktopBridge = {
  send: (text) => ipcRenderer.send(ipcChannels.message, String(text)),
  onMessage: (handler) => {
    const forward = (_event: IpcRendererEvent, text: unknown) => handler(typeof text === 'string' ? text : '');
    ipcRenderer.on(ipcChannels.message, forward);
    return () => void ipcRenderer.off(ipcChannels.message, forward);
  },
  chooseFolder: async () => {
    const chosen: unknown = await ipcRenderer.invoke(ipcChannels.chooseFolder);
    return typeof chosen === 'string' ? chosen : undefined;
  },
};

// A new page (a first load or a reload): the calls of the one before it end.
ipcRenderer.send(ipcChannels.open);
contextBridge.exposeInMainWorld(desktopBridgeKey, bridge);
