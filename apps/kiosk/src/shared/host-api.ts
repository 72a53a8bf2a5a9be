/**
 * The contract between the Electron shell and the renderer. The preload exposes exactly these functions on
 * `window.kioskHost` (one function per IPC message, never `ipcRenderer` itself); the main process answers
 * each channel and checks that the sender is the kiosk's own top frame. In browser mode there is no host
 * and the renderer reads the same settings from its URL.
 *
 * Rules: every function returns a Promise; arguments and results are plain JSON values; a new message is a
 * new function and a new entry in `HOST_CHANNELS`, never a generic "send".
 */
export interface KioskHostApi {
  /** Where the bridge is, which device token to present and the idle reset delay. */
  getConfig(): Promise<KioskHostConfig>;
}

export interface KioskHostConfig {
  /** Origin of the bridge, e.g. `http://127.0.0.1:8080`. */
  bridgeUrl: string;
  /** Kiosk device token for the socket.io handshake. */
  token: string;
  /** Seconds without a touch before the screen resets and forgets the citizen's input. */
  idleSeconds: number;
}

/** IPC channel names, one per `KioskHostApi` function. */
export const HOST_CHANNELS = {
  getConfig: 'kiosk:get-config',
} as const satisfies Record<keyof KioskHostApi, string>;
