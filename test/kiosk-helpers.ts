import type { KioskClientEvents, KioskServerEvents } from '@reception/protocol';
import { io, type Socket } from 'socket.io-client';

/** The language buttons of the welcome screen, each named in its own script. */
export const LANGUAGE_BUTTONS = { vi: 'Tiếng Việt', en: 'English', hi: 'हिन्दी', ur: 'اردو' } as const;

/** A kiosk socket to the bridge with the demo token, as a test's second kiosk. */
export function kioskSocket(url: string, token = 'demo-kiosk'): Socket<KioskServerEvents, KioskClientEvents> {
  return io(`${url}/kiosk`, { auth: { token }, transports: ['websocket'] });
}
