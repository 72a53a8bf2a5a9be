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
  listen: (r) => ipcRenderer.invoke(HOST_METHODS.listen.channel, r),
  pushAudio: (r) => ipcRenderer.invoke(HOST_METHODS.pushAudio.channel, r),
  stopListening: (r) => ipcRenderer.invoke(HOST_METHODS.stopListening.channel, r),
  classify: (r) => ipcRenderer.invoke(HOST_METHODS.classify.channel, r),
  samplesStatus: (r) => ipcRenderer.invoke(HOST_METHODS.samplesStatus.channel, r),
  startVolunteer: (r) => ipcRenderer.invoke(HOST_METHODS.startVolunteer.channel, r),
  saveTake: (r) => ipcRenderer.invoke(HOST_METHODS.saveTake.channel, r),
  discardTake: (r) => ipcRenderer.invoke(HOST_METHODS.discardTake.channel, r),
  withdrawVolunteer: (r) => ipcRenderer.invoke(HOST_METHODS.withdrawVolunteer.channel, r),
  startLobby: (r) => ipcRenderer.invoke(HOST_METHODS.startLobby.channel, r),
  pushLobby: (r) => ipcRenderer.invoke(HOST_METHODS.pushLobby.channel, r),
  stopLobby: (r) => ipcRenderer.invoke(HOST_METHODS.stopLobby.channel, r),
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
