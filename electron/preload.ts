/**
 * The preload: puts the API on `window.scrollback` and nothing else (no ipcRenderer, no generic
 * send). It runs sandboxed, so it is bundled into one CommonJS file whose only require is
 * 'electron' (see build:node in package.json).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiEvent } from '../shared/api';
import { IPC_EVENT_CHANNEL } from '../shared/apiMethods';
import { createBridge } from './ipc';

const bridge = createBridge(
  (channel, request) => ipcRenderer.invoke(channel, request),
  (listener) => {
    // The page gets the event's data only, never the IpcRendererEvent (it holds the sender).
    const forward = (_event: IpcRendererEvent, event: ApiEvent) => listener(event);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
    };
  },
);

contextBridge.exposeInMainWorld('scrollback', bridge);
