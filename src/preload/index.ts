/**
 * The desktop host's bridge: one narrow object, `window.targum`, with a call function and an event
 * subscription. Raw ipcRenderer never reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { desktopBridgeKey, ipcChannels, type DesktopBridge } from '../common/api/desktop-bridge';

const bridge: DesktopBridge = {
  call: (method, params) => ipcRenderer.invoke(ipcChannels.call, method, params),
  onEvent: (listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(ipcChannels.event, forward);
    return () => void ipcRenderer.off(ipcChannels.event, forward);
  },
};

contextBridge.exposeInMainWorld(desktopBridgeKey, bridge);
