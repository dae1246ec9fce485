/** The desktop host: Electron's main process. Thin: windows, security, the app:// origin, IPC and the team relay. */
import { app, BrowserWindow, dialog, ipcMain, nativeTheme, net, protocol, safeStorage, session, shell, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { desktopOrigin, ipcChannels } from '../common/api/desktop-bridge';
import { createForwardingDispatcher, type ApiDispatcher } from '../common/api/dispatcher';
import { serveApiOverPort, type ApiServerChannel } from '../common/rpc/channel';
import { ServicesConnection } from '../common/rpc/services-connection';
import { resolveDataPaths } from '../node/paths';
import { registerAppScheme, serveRendererOverAppScheme } from './app-protocol';
import { applySecurityPolicies, senderRefusal } from './security';
import { spawnServicesProcess } from './services-process';
import { answerTeamCallsHere, createDesktopTeam, guardedAppRelay } from './team';

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
  const team = createDesktopTeam(paths.dataDir, safeStorage, log);
  serveRendererOverAppScheme({ protocol, net }, path.join(outDir, 'renderer'), guardedAppRelay(team.relay, log));

  const services = new ServicesConnection(
    () =>
      spawnServicesProcess(path.join(outDir, 'main', 'utility-process.js'), {
        host: 'desktop',
        app: { name: app.getName(), version: app.getVersion() },
        paths,
        resourcesDir: app.isPackaged ? process.resourcesPath : path.join(app.getAppPath(), 'resources'),
        runtime: { node: process.versions.node, electron: process.versions.electron },
      }),
    log,
  );
  services.warmUp();
  serveWindowApi(
    answerTeamCallsHere(
      team.service,
      createForwardingDispatcher((method, params, call) => services.call(method, params, call)),
      (method, error) => log(`${method} failed: ${error instanceof Error ? error.message : String(error)}`),
    ),
  );
  serveFolderDialog();

  mainWindow = createWindow();
  app.on('window-all-closed', () => {
    services.stop();
    app.quit();
  });
}

/** Whether an IPC message comes from the Targum window's own top frame; anything else is refused and logged. */
function fromTargumWindow(event: IpcMainEvent | IpcMainInvokeEvent): boolean {
  const refusal = senderRefusal(event, mainWindow?.webContents);
  if (refusal) log(`refused ${refusal}`);
  return refusal === undefined;
}

/**
 * The API for the window, over IPC text messages: one channel per page load. When the page reloads or the
 * window goes, its channel closes and every call the page started is cancelled in the services.
 */
function serveWindowApi(dispatch: ApiDispatcher): void {
  const channels = new Map<WebContents, { channel: ApiServerChannel; deliver: (text: string) => void }>();
  const end = (contents: WebContents) => {
    channels.get(contents)?.channel.close();
    channels.delete(contents);
  };
  const watched = new WeakSet<WebContents>();
  ipcMain.on(ipcChannels.open, (event) => {
    if (!fromTargumWindow(event)) return;
    const contents = event.sender;
    if (!watched.has(contents)) {
      watched.add(contents);
      contents.once('destroyed', () => end(contents));
      contents.on('render-process-gone', () => end(contents));
    }
    end(contents);
    let deliver: (text: string) => void = () => undefined;
    const channel = serveApiOverPort(
      {
        send: (text) => void (!contents.isDestroyed() && contents.send(ipcChannels.message, text)),
        onMessage: (handler) => {
          deliver = handler;
          return () => (deliver = () => undefined);
        },
      },
      dispatch,
      (problem) => log(`api: ${problem}`),
    );
    channels.set(contents, { channel, deliver: (text) => deliver(text) });
  });
  ipcMain.on(ipcChannels.message, (event, text: unknown) => {
    if (fromTargumWindow(event)) channels.get(event.sender)?.deliver(typeof text === 'string' ? text : '');
  });
}

/** The system's folder dialog, for the Targum window only, over it; the page gets the chosen path or nothing. */
function serveFolderDialog(): void {
  ipcMain.handle(ipcChannels.chooseFolder, async (event) => {
    if (!fromTargumWindow(event) || !mainWindow) return undefined;
    const chosen = await dialog.showOpenDialog(mainWindow, { title: 'Choose a model folder', properties: ['openDirectory'] });
    return chosen.canceled ? undefined : chosen.filePaths[0];
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
