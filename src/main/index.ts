/** The desktop host: Electron's main process. Thin: windows, security, the app:// origin and IPC. */
import { app, BrowserWindow, ipcMain, nativeTheme, net, protocol, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiEventSchema } from '../common/api/contract';
import { desktopOrigin, ipcChannels } from '../common/api/desktop-bridge';
import { createForwardingDispatcher } from '../common/api/dispatcher';
import { errorReply } from '../common/api/reply';
import { ServicesConnection } from '../common/rpc/services-connection';
import { resolveDataPaths } from '../node/paths';
import { registerAppScheme, serveRendererOverAppScheme } from './app-protocol';
import { applySecurityPolicies, senderRefusal } from './security';
import { spawnServicesProcess } from './services-process';

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (message: string) => process.stderr.write(`[main] ${message}\n`);

const paths = resolveDataPaths();
// Electron's userData is the same folder the web host and the command line use (see resolveDataPaths).
app.setPath('userData', paths.dataDir);
registerAppScheme(protocol);

let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  void app.whenReady().then(start);
}

function start(): void {
  applySecurityPolicies({ app, session, shell });
  serveRendererOverAppScheme({ protocol, net }, path.join(outDir, 'renderer'));

  const services = new ServicesConnection(
    () =>
      spawnServicesProcess(path.join(outDir, 'main', 'utility-process.js'), {
        host: 'desktop',
        app: { name: app.getName(), version: app.getVersion() },
        paths,
        resourcesDir: app.isPackaged ? process.resourcesPath : path.join(app.getAppPath(), 'resources'),
        runtime: { node: process.versions.node, electron: process.versions.electron },
      }),
    (raw) => {
      const event = apiEventSchema.safeParse(raw);
      if (event.success) mainWindow?.webContents.send(ipcChannels.event, event.data);
      else log('dropped a malformed event from the services');
    },
    log,
  );
  services.warmUp();
  const dispatch = createForwardingDispatcher((method, params) => services.call(method, params));

  ipcMain.handle(ipcChannels.call, async (event, method: unknown, params: unknown) => {
    const refusal = senderRefusal(event, mainWindow?.webContents);
    if (refusal) {
      log(`refused ${refusal}`);
      return errorReply('invalid-request', 'calls are only accepted from the Targum window');
    }
    return dispatch(method, params);
  });

  mainWindow = createWindow();
  app.on('window-all-closed', () => {
    services.stop();
    app.quit();
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Targum',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#fbfaf8',
    webPreferences: {
      preload: path.join(outDir, 'preload', 'index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = undefined;
  });
  void window.loadURL(`${desktopOrigin}/index.html`);
  return window;
}
