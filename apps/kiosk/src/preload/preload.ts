import { contextBridge, ipcRenderer } from 'electron';
import { HOST_EVENTS, HOST_METHODS, type KioskHostApi } from '../shared/host-api.ts';

/**
 * Sandboxed preload: exposes `window.kioskHost`, one function per method of the host API, each bound to
 * its own IPC channel, and one listener per host event. The page never sees `ipcRenderer`, channel names
 * or Electron objects, and cannot send arbitrary messages.
 */
const api: KioskHostApi = {
  getConfig: (r) => ipcRenderer.invoke(HOST_METHODS.getConfig.channel, r),
  capabilities: (r) => ipcRenderer.invoke(HOST_METHODS.capabilities.channel, r),
  speak: (r) => ipcRenderer.invoke(HOST_METHODS.speak.channel, r),
  stopSpeaking: (r) => ipcRenderer.invoke(HOST_METHODS.stopSpeaking.channel, r),
  classify: (r) => ipcRenderer.invoke(HOST_METHODS.classify.channel, r),
  on: (event, listener) => {
    const channel = HOST_EVENTS[event].channel;
    const wrapped = (_e: unknown, payload: unknown) => listener(payload as never);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('kioskHost', api);
