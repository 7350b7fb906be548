import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../shared/api';
import { API_METHODS, IPC_PREFIX } from '../../shared/api';
import {
  channelOf,
  createBridge,
  handleValidated,
  isAppPage,
  registerApiHandlers,
} from '../../electron/ipc';
import { callApi, createApi } from '../../electron/service/api';
import { ArchiveService } from '../../electron/service/archiveService';
import { SettingsStore } from '../../electron/service/settings';
import { browserHost } from '../../electron/http/browserHost';
import { BUNDLED_SAMPLE } from '../fixtures/archive';

type Handler = (event: IpcMainInvokeEvent, argument: unknown) => Promise<unknown>;

/** Records handlers the way ipcMain.handle does, one per channel. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle(channel: string, handler: Handler) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    },
  };
}

const ourFrame = { url: 'scrollback://app/index.html' };
const trusted = (event: IpcMainInvokeEvent) => (event.senderFrame as unknown) === ourFrame;
/** An invoke event from a frame; only senderFrame matters to the check under test. */
const from = (senderFrame: unknown) => ({ senderFrame }) as unknown as IpcMainInvokeEvent;

describe('the preload bridge', () => {
  it('has exactly one function per API method, plus onEvent, each invoking its channel', async () => {
    const calls: [string, unknown][] = [];
    const bridge = createBridge(
      async (channel, request) => {
        calls.push([channel, request]);
        return { ok: true, value: channel };
      },
      () => () => {},
    );
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS, 'onEvent'].sort());
    for (const method of API_METHODS) {
      const call = bridge[method] as (request: unknown) => Promise<unknown>;
      expect(await call({ probe: method })).toEqual({ ok: true, value: `${IPC_PREFIX}${method}` });
    }
    expect(calls).toEqual(
      API_METHODS.map((method) => [`${IPC_PREFIX}${method}`, { probe: method }]),
    );
  });

  it('passes events through and unsubscribes', () => {
    const listeners = new Set<(event: ApiEvent) => void>();
    const bridge = createBridge(
      async () => null,
      (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    );
    const seen: ApiEvent[] = [];
    const unsubscribe = bridge.onEvent((event) => seen.push(event));
    for (const listener of listeners) listener({ type: 'command', command: 'find' });
    unsubscribe();
    expect(seen).toEqual([{ type: 'command', command: 'find' }]);
    expect(listeners.size).toBe(0);
  });
});

describe('the IPC handlers', () => {
  const service = new ArchiveService({ cacheDir: null });
  const settings = new SettingsStore(null);
  const api = createApi(service, settings, browserHost(service, settings));
  const ipcMain = fakeIpcMain();

  beforeAll(async () => {
    await service.open(BUNDLED_SAMPLE);
    registerApiHandlers(ipcMain, (method, argument) => callApi(api, method, argument), trusted);
  });
  afterAll(() => service.close());

  it('registers one handler per API method, on prefixed channels only', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(API_METHODS.map(channelOf).sort());
  });

  it('answers our main frame through callApi, with errors as data', async () => {
    const handler = ipcMain.handlers.get('scrollback:getDays')!;
    const answer = (await handler(from(ourFrame), { conversation: 'groups/trailclub' })) as {
      ok: boolean;
      value: { day: string }[];
    };
    expect(answer.ok).toBe(true);
    expect(answer.value.map((activity) => activity.day)).toContain('2024-03-05');
    expect(
      await ipcMain.handlers.get('scrollback:getDays')!(from(ourFrame), { conversation: 7 }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('refuses any other sender', async () => {
    const handler = ipcMain.handlers.get('scrollback:getStatus')!;
    await expect(handler(from({ url: 'scrollback://app/index.html' }), {})).rejects.toThrow(
      /Refused/,
    );
    await expect(handler(from(null), {})).rejects.toThrow(/Refused/);
  });

  it('refuses to register a channel without the prefix', () => {
    expect(() => handleValidated(fakeIpcMain(), 'getStatus', trusted, async () => null)).toThrow(
      /prefix/,
    );
  });

  it('knows the app page from anything it could be navigated to', () => {
    expect(isAppPage('scrollback://app/index.html')).toBe(true);
    expect(isAppPage('scrollback://app.evil/index.html')).toBe(false);
    expect(isAppPage('scrollback://application/')).toBe(false);
    expect(isAppPage('https://example.com/')).toBe(false);
    expect(isAppPage('file:///index.html')).toBe(false);
  });
});
