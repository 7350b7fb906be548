/**
 * Electron's main process: one window, the native menu, dialogs, the app's own protocol for the
 * page and archive images, and IPC wiring. It stays thin: the menu (menu.ts), PDF printing
 * (printWindow.ts), the remembered window and folders (appState.ts), export through the save
 * dialog (appExport.ts), the app's protocol (appProtocol.ts), the archive service, the API, the image containment and the window's
 * security settings live in modules tested without Electron.
 */
import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  nativeTheme,
  protocol,
  screen,
  session,
  shell,
  type WebContents,
} from 'electron';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiEvent, ScrollbackApi, Settings } from '../shared/api';
import { IPC_EVENT_CHANNEL } from '../shared/api';
import { errorMessage } from '../shared/errors';
import { appExportHost } from './appExport';
import { appRequestHandler } from './appProtocol';
import { AppStateFile } from './appState';
import { isAppPage, registerApiHandlers } from './ipc';
import { menuTemplate } from './menu';
import { windowPrinter } from './printWindow';
import { callApi, createApi } from './service/api';
import { ArchiveService } from './service/archiveService';
import { SettingsStore } from './service/settings';
import {
  APP_SCHEME,
  APP_URL,
  contentSecurityPolicy,
  restoreWindowState,
  windowOptions,
} from './windowOptions';

/** dist/main.js sits beside dist/preload.js and dist/renderer, and below assets/. */
const PRELOAD = join(__dirname, 'preload.js');
const RENDERER_DIR = join(__dirname, 'renderer');
const SAMPLE_ARCHIVE = resolve(__dirname, '..', 'assets', 'sample-archive');
const ICON = resolve(__dirname, '..', 'assets', 'icon', 'icon.png');
/** Lets the page name export files without a save dialog: for the app's own e2e tests only. */
const PAGE_EXPORT_PATHS_SWITCH = '--test-page-export-paths';

// The archives' stores live in the app's own data folder; SCROLLBACK_CACHE_DIR moves them (tests
// keep them in a temporary folder).
const cacheDir = process.env.SCROLLBACK_CACHE_DIR;
const service = new ArchiveService({
  samplePath: SAMPLE_ARCHIVE,
  cacheDir: cacheDir ? resolve(cacheDir) : join(app.getPath('userData'), 'archives'),
});
let settings: SettingsStore;
let state: AppStateFile;
let window: BrowserWindow | null = null;
/** Kept current so the page's Content-Security-Policy follows the setting (applied on reload). */
let remoteImages = false;

// Every renderer is sandboxed, and the app's scheme behaves like https (origin, fetch, CSP).
app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second `scrollback <folder>` opens its folder here, resolved where it was typed.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
    const folder = folderArgument(argv);
    if (folder) void openFolder(resolve(workingDirectory, folder));
  });
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (window === null && app.isReady()) createWindow();
  });
  // A throw inside start() must reach the dialog too, not only a failure of whenReady.
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Scrollback could not start', errorMessage(error));
      app.quit();
    });
}

async function start(): Promise<void> {
  settings = new SettingsStore(join(app.getPath('userData'), 'settings.json'));
  state = new AppStateFile(join(app.getPath('userData'), 'state.json'));
  const current = await settings.get();
  remoteImages = current.loadRemoteImages;
  nativeTheme.themeSource = current.theme;
  app.setAboutPanelOptions({
    applicationName: 'Scrollback',
    applicationVersion: app.getVersion(),
    iconPath: ICON,
  });

  const defaultSession = session.defaultSession;
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  // The policy travels on every response that does not carry a stricter one of its own.
  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    const headers = details.responseHeaders ?? {};
    const hasPolicy = Object.keys(headers).some(
      (name) => name.toLowerCase() === 'content-security-policy',
    );
    callback({
      responseHeaders: hasPolicy
        ? headers
        : { ...headers, 'Content-Security-Policy': [contentSecurityPolicy({ remoteImages })] },
    });
  });
  protocol.handle(
    APP_SCHEME,
    appRequestHandler({
      root: () => service.root,
      rendererDir: RENDERER_DIR,
      remoteImages: () => remoteImages,
    }),
  );

  const api = createApi(service, settings, {
    chooseFolder,
    openExternal: async (url) => {
      await shell.openExternal(url);
      return true;
    },
    ...appExportHost(service, settings, {
      saveDialog: async (options) => {
        const result = window
          ? await dialog.showSaveDialog(window, options)
          : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      printer: windowPrinter({ BrowserWindow, session }),
      pagePaths: process.argv.includes(PAGE_EXPORT_PATHS_SWITCH),
    }),
  });
  const appApi: ScrollbackApi = {
    ...api,
    setSettings: async (patch) => settingsChanged(await api.setSettings(patch)),
  };
  registerApiHandlers(
    ipcMain,
    (method, argument) => callApi(appApi, method, argument),
    (event) =>
      window !== null &&
      event.sender === window.webContents &&
      event.senderFrame !== null &&
      event.senderFrame.parent === null &&
      isAppPage(event.senderFrame.url),
  );
  service.onEvent((event) => {
    send(event);
    if (event.type === 'status' && event.status.state === 'ready') {
      window?.setTitle(`${event.status.archive.name} – Scrollback`);
      if (!event.status.archive.sample) remember(event.status.archive.root);
    }
  });

  buildMenu();
  createWindow();
  // `npm start -- <folder>` opens that folder; otherwise the last archive reopens.
  const folder = folderArgument(process.argv) ?? state.recent[0];
  if (folder) void openFolder(folder);
}

function createWindow(): void {
  const restored = restoreWindowState(
    state.window,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  window = new BrowserWindow({ ...windowOptions(restored, PRELOAD), icon: ICON });
  if (restored.maximized) window.maximize();
  window.once('ready-to-show', () => window?.show());
  window.on('close', () => {
    if (window) state.window = { ...window.getNormalBounds(), maximized: window.isMaximized() };
  });
  window.on('closed', () => {
    window = null;
  });
  void window.loadURL(APP_URL);
}

/**
 * Navigation, new windows, webviews: all refused. A folder dropped on the window arrives as a
 * file: navigation that no frame started (a link in the page has its frame as initiator, so a
 * file: link in an archive message can never open a folder).
 */
function harden(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    if (event.url.startsWith('file:') && event.isMainFrame && !event.initiator)
      void openDropped(event.url);
  });
}

async function openDropped(url: string): Promise<void> {
  let path: string;
  try {
    path = fileURLToPath(url);
    if (!statSync(path).isDirectory()) return;
  } catch {
    return;
  }
  await openFolder(path);
}

async function chooseFolder(): Promise<string | null> {
  const options = { title: 'Open an archive folder', properties: ['openDirectory' as const] };
  const result = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function openFolder(path: string): Promise<void> {
  try {
    await service.open(path);
  } catch {
    // The failure reached the page as a 'failed' status; a folder that is gone leaves the list.
    if (!existsSync(path) && state.forget(resolve(path))) buildMenu();
  }
}

function settingsChanged(next: Settings): Settings {
  remoteImages = next.loadRemoteImages;
  nativeTheme.themeSource = next.theme;
  buildMenu();
  return next;
}

function send(event: ApiEvent): void {
  if (window && !window.webContents.isDestroyed())
    window.webContents.send(IPC_EVENT_CHANNEL, event);
}

function buildMenu(): void {
  void settings.get().then((current) => {
    const template = menuTemplate(
      current,
      state.recent,
      {
        command: (command) => send({ type: 'command', command }),
        setTheme: async (theme) =>
          send({ type: 'settings', settings: settingsChanged(await settings.update({ theme })) }),
        openFolder: (folder) => void openFolder(folder),
        clearRecent: () => {
          state.clearRecent();
          app.clearRecentDocuments();
          buildMenu();
        },
        showAbout: () => app.showAboutPanel(),
      },
      { mac: process.platform === 'darwin', packaged: app.isPackaged },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  });
}

function remember(folder: string): void {
  state.remember(folder);
  app.addRecentDocument(folder);
  buildMenu();
}

/**
 * The folder given on a command line (`electron dist/main.js <folder>` in development,
 * `scrollback <folder>` packaged), skipping Chromium's own --switches (and ours), if any.
 */
function folderArgument(argv: readonly string[]): string | undefined {
  // Chromium may insert its switches anywhere, so they go before counting positions.
  return argv.filter((arg) => !arg.startsWith('-')).slice(app.isPackaged ? 1 : 2)[0];
}
