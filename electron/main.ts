/**
 * Electron's main process: one window, the native menu, dialogs, the app's own protocol for the
 * page and archive images, and IPC wiring. It stays thin: the archive service, the API, the
 * image containment and the window's security settings live in modules tested without Electron.
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
  type MenuItemConstructorOptions,
  type WebContents,
} from 'electron';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type {
  ApiEvent,
  ApiRequest,
  ExportResult,
  MenuCommand,
  ScrollbackApi,
  Settings,
} from '../shared/api';
import { IPC_EVENT_CHANNEL } from '../shared/api';
import { rendererContentType, rendererFile } from './http-host';
import { isAppPage, registerApiHandlers } from './ipc';
import { callApi, createApi } from './service/api';
import { ArchiveService } from './service/archiveService';
import { exportToFile } from './service/export';
import { REFUSAL_STATUS, imageHeaders, readArchiveImage } from './service/imagePath';
import { mediaHeaders, readArchiveMedia } from './service/media';
import { SettingsStore } from './service/settings';
import {
  APP_SCHEME,
  APP_URL,
  contentSecurityPolicy,
  restoreWindowState,
  windowOptions,
  type WindowState,
} from './windowOptions';
import { errorMessage } from '../shared/errors';

/** dist/main.js sits beside dist/preload.js and dist/renderer, and below assets/. */
const PRELOAD = join(__dirname, 'preload.js');
const RENDERER_DIR = join(__dirname, 'renderer');
const SAMPLE_ARCHIVE = resolve(__dirname, '..', 'assets', 'sample-archive');
const ICON = resolve(__dirname, '..', 'assets', 'icon', 'icon.png');
const RECENT_LIMIT = 10;

interface AppState {
  window?: WindowState;
  /** Archive folders, most recent first; the first reopens on start. */
  recent: string[];
}

const stateFile = () => join(app.getPath('userData'), 'state.json');
// The archives' stores live in the app's own data folder; SCROLLBACK_CACHE_DIR moves them (tests
// keep them in a temporary folder).
const cacheDir = process.env.SCROLLBACK_CACHE_DIR;
const service = new ArchiveService({
  samplePath: SAMPLE_ARCHIVE,
  cacheDir: cacheDir ? resolve(cacheDir) : join(app.getPath('userData'), 'archives'),
});
let settings: SettingsStore;
let state: AppState = { recent: [] };
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
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('Scrollback could not start', errorMessage(error));
    app.quit();
  });
}

async function start(): Promise<void> {
  settings = new SettingsStore(join(app.getPath('userData'), 'settings.json'));
  state = loadState();
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
  protocol.handle(APP_SCHEME, serveAppRequest);

  const api = createApi(service, settings, {
    chooseFolder: async () => chooseFolder(),
    openExternal: async (url) => {
      await shell.openExternal(url);
      return true;
    },
    exportMessages: (request) => exportWithDialog(request),
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
    if (!window) return;
    state.window = { ...window.getNormalBounds(), maximized: window.isMaximized() };
    saveState();
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

/** The page, its files and archive images, all from scrollback://app/. */
async function serveAppRequest(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== 'app') return new Response('Not found.', { status: 404 });
  const path = url.pathname.slice(1);
  if (path === 'api/image') {
    const root = service.root;
    if (root === null) return new Response('No archive is open.', { status: 404 });
    const image = await readArchiveImage(
      root,
      url.searchParams.get('from') ?? '',
      url.searchParams.get('src') ?? '',
    );
    if (!image.ok)
      return new Response(`Image refused: ${image.reason}.`, {
        status: REFUSAL_STATUS[image.reason],
      });
    return new Response(new Uint8Array(image.bytes), { headers: imageHeaders(image.contentType) });
  }
  if (path === 'api/media') {
    const root = service.root;
    if (root === null) return new Response('No archive is open.', { status: 404 });
    const media = await readArchiveMedia(root, url.searchParams.get('path') ?? '');
    if (!media.ok)
      return new Response(`File refused: ${media.reason}.`, {
        status: REFUSAL_STATUS[media.reason],
      });
    return new Response(new Uint8Array(media.bytes), {
      headers: { 'Content-Type': media.contentType, ...mediaHeaders(media.contentType) },
    });
  }
  const file = await rendererFile(RENDERER_DIR, path === '' ? 'index.html' : path);
  if (file === null) return new Response('Not found.', { status: 404 });
  const type = rendererContentType(file);
  const headers: Record<string, string> = {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
  };
  if (type.startsWith('text/html'))
    headers['Content-Security-Policy'] = contentSecurityPolicy({ remoteImages });
  return new Response(new Uint8Array(await readFile(file)), { headers });
}

async function chooseFolder(): Promise<string | null> {
  const options = { title: 'Open an archive folder', properties: ['openDirectory' as const] };
  const result = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Export through a save dialog unless the page named the file (tests, scripts). */
async function exportWithDialog(request: ApiRequest<'exportMessages'>): Promise<ExportResult> {
  const options = { me: (await settings.get()).me };
  if (request.path) return exportToFile(service, request, printToPdf, options);
  const dialogOptions = {
    title: 'Export messages',
    defaultPath: `scrollback-export.${request.format}`,
    filters: [{ name: request.format.toUpperCase(), extensions: [request.format] }],
  };
  const result = window
    ? await dialog.showSaveDialog(window, dialogOptions)
    : await dialog.showSaveDialog(dialogOptions);
  if (result.canceled || !result.filePath) return { path: null, messages: 0, bytes: 0 };
  // The dialog already asked about replacing an existing file.
  return exportToFile(
    service,
    { ...request, path: result.filePath, overwrite: true },
    printToPdf,
    options,
  );
}

/**
 * PDF export prints the export's HTML in a hidden window: no script, no network (its images are
 * data: URIs), its own in-memory session, the page loaded from a temporary file deleted after.
 */
async function printToPdf(html: string): Promise<Uint8Array> {
  const folder = await mkdtemp(join(tmpdir(), 'scrollback-print-'));
  const page = join(folder, 'export.html');
  const printSession = session.fromPartition('scrollback-print');
  const pageUrl = pathToFileURL(page).href;
  printSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: details.url !== pageUrl && !details.url.startsWith('data:') }),
  );
  const printer = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      javascript: false,
      disableBlinkFeatures: 'Auxclick',
      session: printSession,
    },
  });
  try {
    await writeFile(page, html);
    await printer.loadURL(pageUrl);
    return await printer.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      generateDocumentOutline: true,
      generateTaggedPDF: true,
    });
  } finally {
    printer.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}

async function openFolder(path: string): Promise<void> {
  try {
    await service.open(path);
  } catch {
    // The failure reached the page as a 'failed' status; a folder that is gone leaves the list.
    if (!existsSync(path)) forget(resolve(path));
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

function command(name: MenuCommand): () => void {
  return () => send({ type: 'command', command: name });
}

function buildMenu(): void {
  void settings
    .get()
    .then((current) => Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(current))));
}

function menuTemplate(current: Settings): MenuItemConstructorOptions[] {
  const mac = process.platform === 'darwin';
  const theme = (value: Settings['theme'], label: string): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: current.theme === value,
    click: async () =>
      send({
        type: 'settings',
        settings: settingsChanged(await settings.update({ theme: value })),
      }),
  });
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: command('open-folder') },
        {
          label: 'Open Recent',
          submenu: [
            ...state.recent.map((folder) => ({
              // `&` marks a mnemonic in menu labels; a folder's name means it literally.
              label: mac ? folder : folder.replaceAll('&', '&&'),
              click: () => void openFolder(folder),
            })),
            ...(state.recent.length > 0 ? [{ type: 'separator' as const }] : []),
            { label: 'Clear Recent', enabled: state.recent.length > 0, click: clearRecent },
          ],
        },
        { type: 'separator' },
        { label: 'Export Selection…', accelerator: 'CmdOrCtrl+E', click: command('export') },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'copy' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find…', accelerator: 'CmdOrCtrl+F', click: command('find') },
      ],
    },
    {
      label: '&View',
      submenu: [
        {
          label: 'Conversations',
          accelerator: 'CmdOrCtrl+Shift+L',
          click: command('toggle-conversations'),
        },
        { label: 'Speakers', accelerator: 'CmdOrCtrl+Shift+S', click: command('toggle-speakers') },
        { type: 'separator' },
        {
          label: 'Theme',
          submenu: [
            theme('system', 'Follow System'),
            theme('light', 'Light'),
            theme('dark', 'Dark'),
          ],
        },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [{ label: 'About Scrollback', click: () => app.showAboutPanel() }],
    },
  ];
}

/**
 * The folder given on a command line (`electron dist/main.js <folder>` in development,
 * `scrollback <folder>` packaged), skipping Chromium's own --switches, if any.
 */
function folderArgument(argv: readonly string[]): string | undefined {
  // Chromium may insert its switches anywhere, so they go before counting positions.
  return argv.filter((arg) => !arg.startsWith('-')).slice(app.isPackaged ? 1 : 2)[0];
}

function remember(folder: string): void {
  state.recent = [folder, ...state.recent.filter((other) => other !== folder)].slice(
    0,
    RECENT_LIMIT,
  );
  app.addRecentDocument(folder);
  saveState();
  buildMenu();
}

function forget(folder: string): void {
  if (!state.recent.includes(folder)) return;
  state.recent = state.recent.filter((other) => other !== folder);
  saveState();
  buildMenu();
}

function clearRecent(): void {
  state.recent = [];
  app.clearRecentDocuments();
  saveState();
  buildMenu();
}

function loadState(): AppState {
  try {
    const saved = JSON.parse(readFileSync(stateFile(), 'utf8')) as Partial<AppState>;
    const recent = Array.isArray(saved.recent)
      ? saved.recent.filter((folder): folder is string => typeof folder === 'string')
      : [];
    return {
      ...(saved.window ? { window: saved.window } : {}),
      recent: recent.slice(0, RECENT_LIMIT),
    };
  } catch {
    // First run, or a damaged file: start fresh rather than refuse to start.
    return { recent: [] };
  }
}

/** Written whole and renamed into place, so a crash never leaves half a file. */
function saveState(): void {
  try {
    mkdirSync(dirname(stateFile()), { recursive: true });
    const temporary = `${stateFile()}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(state, null, 2));
    renameSync(temporary, stateFile());
  } catch {
    // Losing the window's place is not worth an error dialog.
  }
}
