import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { API_METHODS, IPC_EVENT_CHANNEL, IPC_PREFIX } from '../../shared/api';
import { bundleAsBuilt } from '../fixtures/bundle';

/** The preload as build:node bundles it. */
function bundlePreload(): Promise<string> {
  return bundleAsBuilt('electron/preload.ts');
}

/** Runs the bundled preload against a fake 'electron' module and returns what it exposed. */
function runPreload(code: string) {
  const exposed = new Map<string, unknown>();
  const invoked: [string, unknown][] = [];
  const subscriptions = new Map<string, (...args: unknown[]) => void>();
  const electron = {
    contextBridge: {
      exposeInMainWorld: (name: string, value: unknown) => exposed.set(name, value),
    },
    ipcRenderer: {
      invoke: async (channel: string, request: unknown) => {
        invoked.push([channel, request]);
        return { ok: true, value: null };
      },
      on: (channel: string, listener: (...args: unknown[]) => void) =>
        subscriptions.set(channel, listener),
      removeListener: (channel: string) => subscriptions.delete(channel),
    },
  };
  const required: string[] = [];
  const module = { exports: {} };
  runInNewContext(code, {
    module,
    exports: module.exports,
    require: (name: string) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return electron;
    },
  });
  return { exposed, invoked, subscriptions, required };
}

describe('the preload', () => {
  it('bundles into CommonJS that requires only electron (a sandboxed preload can load nothing else)', async () => {
    const code = await bundlePreload();
    expect([...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1])).toEqual([
      'electron',
    ]);
    // No zod, no service: the preload stays a few kilobytes.
    expect(code.length).toBeLessThan(8_000);
  });

  it('exposes window.scrollback with one function per API method and onEvent, nothing else', async () => {
    const { exposed, invoked, subscriptions, required } = runPreload(await bundlePreload());
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['scrollback']);
    const bridge = exposed.get('scrollback') as Record<string, (argument: unknown) => unknown>;
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS, 'onEvent'].sort());
    for (const method of API_METHODS) await bridge[method]!({ method });
    expect(invoked).toEqual(API_METHODS.map((method) => [`${IPC_PREFIX}${method}`, { method }]));

    const seen: unknown[] = [];
    const unsubscribe = bridge.onEvent!((event: unknown) => seen.push(event)) as () => void;
    // The page sees the event's data, never Electron's IpcRendererEvent.
    subscriptions.get(IPC_EVENT_CHANNEL)!(
      { sender: 'secret' },
      { type: 'command', command: 'find' },
    );
    expect(seen).toEqual([{ type: 'command', command: 'find' }]);
    unsubscribe();
    expect(subscriptions.size).toBe(0);
  });
});
