import { contextBridge, ipcRenderer } from 'electron';
import { HOST_CHANNELS, type KioskHostApi, type KioskHostConfig } from '../shared/host-api.ts';

/**
 * Sandboxed preload: exposes `window.kioskHost`, one function per IPC message of `KioskHostApi`. The page
 * never sees `ipcRenderer`, channel names or Electron objects, and cannot send arbitrary messages.
 */
const api: KioskHostApi = {
  getConfig: () => ipcRenderer.invoke(HOST_CHANNELS.getConfig) as Promise<KioskHostConfig>,
};

contextBridge.exposeInMainWorld('kioskHost', api);
