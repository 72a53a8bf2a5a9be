/** What the renderer needs to start, wherever it runs. */
export interface LaunchOptions {
  /** Origin of the bridge. */
  bridgeUrl: string;
  token: string;
  idleSeconds: number;
  /** This kiosk is the robot's own screen (browser mode: `?robot=1`). */
  robotScreen: boolean;
  /** Part of the microphone's label to prefer (the host's KIOSK_MICROPHONE); browser mode: none. */
  microphone?: string;
}

export const DEFAULT_TOKEN = 'demo-kiosk';
export const DEFAULT_IDLE_SECONDS = 60;
const MIN_IDLE_SECONDS = 3;
const MAX_IDLE_SECONDS = 3600;
const TOKEN_KEY = 'kiosk.token';

/** The part of `Storage` used here. */
export type TokenStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Seconds from a `?idle=` value: whole seconds in [3, 3600], otherwise the default. */
export function parseIdleSeconds(raw: string | null | undefined): number {
  if (raw == null || !/^\d+$/.test(raw)) return DEFAULT_IDLE_SECONDS;
  const n = Number(raw);
  return n >= MIN_IDLE_SECONDS && n <= MAX_IDLE_SECONDS ? n : DEFAULT_IDLE_SECONDS;
}

/**
 * Browser mode: the bridge is the server the page came from; the device token comes from `?token=` (then
 * remembered for the tab in session storage, so a reload after the URL is tidied keeps it) or defaults to
 * the demo token; `?idle=` sets the idle reset in seconds; `?robot=1` makes it the robot's own screen.
 */
export function readBrowserLaunchOptions(
  location: Pick<Location, 'origin' | 'search'>,
  storage: TokenStorage,
): LaunchOptions {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token')?.trim();
  if (fromUrl) storage.setItem(TOKEN_KEY, fromUrl);
  const token = fromUrl || storage.getItem(TOKEN_KEY) || DEFAULT_TOKEN;
  return {
    bridgeUrl: location.origin,
    token,
    idleSeconds: parseIdleSeconds(params.get('idle')),
    robotScreen: params.get('robot') === '1',
  };
}

/** The URL without its `token` parameter, so the token does not stay on screen or in history. */
export function withoutToken(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('token');
  return url.toString();
}
