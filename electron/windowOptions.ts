/**
 * The window's security settings and the page's Content-Security-Policy, as plain data so that
 * tests can assert them without Electron (this module imports Electron's types only). The HTTP
 * host serves the same page, so it sends the same policy.
 */
type WebPreferences = import('electron').WebPreferences;
type BrowserWindowConstructorOptions = import('electron').BrowserWindowConstructorOptions;
type Rectangle = import('electron').Rectangle;

/** The privileged scheme the app's page and archive images are served from (appProtocol.ts). */
export const APP_SCHEME = 'scrollback';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/**
 * The renderer runs the archive's text, so it gets nothing but the preload's API object: no
 * Node, a sandboxed process, an isolated preload world, and the web's own origin rules.
 */
export function webPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // A folder dropped on the window arrives as a navigation to its file: URL, which main.ts
    // cancels and turns into Open Folder; every navigation is cancelled (main.ts, harden).
    navigateOnDragDrop: true,
    safeDialogs: true,
    // A middle click would open a link in a new window; window.open is denied anyway (main.ts).
    disableBlinkFeatures: 'Auxclick',
    spellcheck: false,
  };
}

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1200, height: 800, maximized: false };

/** The options of the one window, placed where it was last time. */
export function windowOptions(
  state: WindowState,
  preload: string,
): BrowserWindowConstructorOptions {
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 640,
    minHeight: 400,
    title: 'Scrollback',
    // Shown once the page has painted, so the user never sees a white flash.
    show: false,
    webPreferences: webPreferences(preload),
  };
}

/**
 * The saved window state, if it still makes sense: the file may be damaged, and the screen it
 * was on may be gone, in which case the window opens at the default size, centred by Electron.
 */
export function restoreWindowState(saved: unknown, screens: readonly Rectangle[]): WindowState {
  if (typeof saved !== 'object' || saved === null) return DEFAULT_WINDOW_STATE;
  const value = saved as Record<string, unknown>;
  const number = (key: string) =>
    typeof value[key] === 'number' && Number.isFinite(value[key])
      ? Math.round(value[key])
      : undefined;
  const width = number('width');
  const height = number('height');
  if (width === undefined || height === undefined || width < 320 || height < 240)
    return DEFAULT_WINDOW_STATE;
  const state: WindowState = { width, height, maximized: value.maximized === true };
  const x = number('x');
  const y = number('y');
  // Keep the place only when the title bar's middle is on some screen.
  const visible =
    x !== undefined &&
    y !== undefined &&
    screens.some(
      (screen) =>
        x + width / 2 >= screen.x &&
        x + width / 2 < screen.x + screen.width &&
        y >= screen.y &&
        y < screen.y + screen.height,
    );
  return visible ? { ...state, x, y } : state;
}

/**
 * The page's Content-Security-Policy. Scripts, styles and connections come only from the app's
 * own origin; no eval, no inline script, no plugins, no frames, no forms, no <base>. Images come
 * from the app's origin (the archive image route is on it) and data: URLs; remote images only
 * when the user turned them on (settings.loadRemoteImages), and then over http(s) only. Voice
 * notes and videos play from the app's origin (the archive's media route), and from the web
 * under the same setting.
 */
export function contentSecurityPolicy(options: { remoteImages: boolean }): string {
  const web = options.remoteImages ? ['https:', 'http:'] : [];
  const images = ["'self'", 'data:', ...web];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src ${images.join(' ')}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    `media-src ${["'self'", ...web].join(' ')}`,
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
