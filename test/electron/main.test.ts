/**
 * electron/main.ts itself, bundled as `npm run build` bundles it and run against a stand-in for
 * the 'electron' module (Electron's binary cannot be downloaded here): what it does when start
 * fails, and where exports go.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../shared/api';
import { chatLog, tempArchive, type TempArchive } from '../fixtures/archive';
import { bundleAsBuilt } from '../fixtures/bundle';
import { until } from '../fixtures/until';

const ROOT = resolve(import.meta.dirname, '../..');
/** Inside the repository, so that the bundle finds the project's node_modules. */
const HARNESS = join(ROOT, 'test-results', 'main-harness');
const BUNDLE = join(HARNESS, 'main.js');
const FAKE_ELECTRON = join(HARNESS, 'node_modules', 'electron', 'index.js');
const requireFromHere = createRequire(import.meta.url);

interface FakeElectron {
  module: Record<string, unknown>;
  errorBoxes: [string, string][];
  quits: number;
  saveDialogs: unknown[];
  handlers: Map<string, (event: unknown, argument: unknown) => Promise<unknown>>;
  events: ApiEvent[];
  trustedEvent(): unknown;
}

/** Just enough of Electron's main-process API for main.ts to start; records what it is asked. */
function fakeElectron(options: { userData: string; windowFails?: boolean; savePath?: string }) {
  const fake: FakeElectron = {
    module: {},
    errorBoxes: [],
    quits: 0,
    saveDialogs: [],
    handlers: new Map(),
    events: [],
    trustedEvent: () => null,
  };
  const webContents = {
    send: (_channel: string, event: ApiEvent) => fake.events.push(event),
    isDestroyed: () => false,
  };
  const noop = () => {};
  const sessionLike = {
    setPermissionRequestHandler: noop,
    setPermissionCheckHandler: noop,
    webRequest: { onHeadersReceived: noop, onBeforeRequest: noop },
  };
  class BrowserWindow {
    webContents = webContents;
    constructor() {
      if (options.windowFails) throw new Error('no display');
    }
    maximize = noop;
    once = noop;
    on = noop;
    show = noop;
    focus = noop;
    setTitle = noop;
    loadURL = async () => {};
    isMinimized = () => false;
  }
  fake.trustedEvent = () => ({
    sender: webContents,
    senderFrame: { parent: null, url: 'scrollback://app/index.html' },
  });
  fake.module = {
    app: {
      enableSandbox: noop,
      requestSingleInstanceLock: () => true,
      on: noop,
      whenReady: async () => {},
      isReady: () => true,
      getPath: () => options.userData,
      setAboutPanelOptions: noop,
      getVersion: () => '0.0.0',
      isPackaged: false,
      quit: () => fake.quits++,
      addRecentDocument: noop,
      clearRecentDocuments: noop,
      showAboutPanel: noop,
    },
    protocol: { registerSchemesAsPrivileged: noop, handle: noop },
    session: { defaultSession: sessionLike, fromPartition: () => sessionLike },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, argument: unknown) => Promise<unknown>) =>
        fake.handlers.set(channel, handler),
    },
    nativeTheme: { themeSource: 'system' },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: noop },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    BrowserWindow,
    dialog: {
      showErrorBox: (title: string, message: string) => fake.errorBoxes.push([title, message]),
      showSaveDialog: async (_window: unknown, dialogOptions: unknown) => {
        fake.saveDialogs.push(dialogOptions);
        return options.savePath
          ? { canceled: false, filePath: options.savePath }
          : { canceled: true };
      },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    },
    shell: { openExternal: async () => {} },
  };
  return fake;
}

/**
 * Loads a fresh copy of the bundled main.ts with `argv` after the program's name (main reads it
 * once started, so it stays until `use` is done).
 */
async function runMain(fake: FakeElectron, argv: string[], use: () => Promise<void>) {
  (globalThis as { __scrollbackFakeElectron?: unknown }).__scrollbackFakeElectron = fake.module;
  const saved = process.argv;
  process.argv = [process.execPath, BUNDLE, ...argv];
  try {
    delete requireFromHere.cache[BUNDLE];
    delete requireFromHere.cache[FAKE_ELECTRON];
    requireFromHere(BUNDLE);
    await use();
  } finally {
    process.argv = saved;
  }
}

describe('electron/main.ts', () => {
  let archive: TempArchive;
  let data: TempArchive;

  beforeAll(async () => {
    mkdirSync(join(HARNESS, 'node_modules', 'electron'), { recursive: true });
    writeFileSync(FAKE_ELECTRON, 'module.exports = globalThis.__scrollbackFakeElectron;\n');
    await bundleAsBuilt('electron/main.ts', BUNDLE);
    archive = tempArchive();
    archive.write(
      'group/2018-05-15-chat.md',
      chatLog('2018-05-15', [{ time: '09:00:00', speaker: 'Ann', text: 'hello' }]),
    );
    data = tempArchive('scrollback-user-data-');
  });

  afterAll(() => {
    archive?.remove();
    data?.remove();
    rmSync(HARNESS, { recursive: true, force: true });
  });

  it('shows a dialog and quits when starting fails inside start(), not only before it', async () => {
    const fake = fakeElectron({ userData: join(data.root, 'failing'), windowFails: true });
    await runMain(fake, [], () => until(() => fake.errorBoxes.length > 0));
    expect(fake.errorBoxes).toEqual([['Scrollback could not start', 'no display']]);
    expect(fake.quits).toBe(1);
  });

  /** Starts main with the archive open and asks for an export the way the page would. */
  async function exportFromPage(argv: string[], savePath: string | undefined, pagePath: string) {
    const fake = fakeElectron({ userData: join(data.root, `run-${Date.now()}`), savePath });
    await runMain(fake, [archive.root, ...argv], () =>
      until(() =>
        fake.events.some((event) => event.type === 'status' && event.status.state === 'ready'),
      ),
    );
    const day = (await fake.handlers.get('scrollback:getDayMessages')!(fake.trustedEvent(), {
      conversation: 'group',
      day: '2018-05-15',
    })) as { value: { messages: { id: number }[] } };
    const answer = (await fake.handlers.get('scrollback:exportMessages')!(fake.trustedEvent(), {
      ids: day.value.messages.map((message) => message.id),
      format: 'txt',
      path: pagePath,
      overwrite: true,
    })) as { ok: boolean; value?: { path: string | null } };
    return { fake, answer };
  }

  it('asks where to export with the save dialog, whatever path the page sends', async () => {
    const out = tempArchive('scrollback-out-');
    try {
      const chosen = join(out.root, 'chosen.txt');
      const pagePath = join(out.root, 'page-chose.txt');
      const { fake, answer } = await exportFromPage([], chosen, pagePath);
      expect(fake.saveDialogs).toHaveLength(1);
      expect(fake.saveDialogs[0]).toMatchObject({ defaultPath: 'group_2018-05-15.txt' });
      expect(answer).toMatchObject({ ok: true, value: { path: chosen } });
      expect(readFileSync(chosen, 'utf8')).toContain('Ann: hello');
      expect(() => readFileSync(pagePath)).toThrow();
    } finally {
      out.remove();
    }
  });

  it('lets the page name the file only under its own e2e switch', async () => {
    const out = tempArchive('scrollback-out-');
    try {
      const pagePath = join(out.root, 'page-chose.txt');
      const { fake, answer } = await exportFromPage(
        ['--test-page-export-paths'],
        undefined,
        pagePath,
      );
      expect(fake.saveDialogs).toHaveLength(0);
      expect(answer).toMatchObject({ ok: true, value: { path: pagePath } });
    } finally {
      out.remove();
    }
  });
});
