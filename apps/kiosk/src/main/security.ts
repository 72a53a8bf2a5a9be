import { createHash, X509Certificate } from 'node:crypto';
import path from 'node:path';
import type { KioskConfig } from '../host/config.ts';

/**
 * Pure security decisions of the Electron shell (ARCHITECTURE.md section 8), kept apart from Electron so they are
 * unit-tested: which origins the kiosk trusts, its Content-Security-Policy, and how app:// URLs map to files.
 */

/** The privileged scheme that serves the bundled renderer: `app://kiosk/kiosk/...`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The renderer is built with base `/kiosk/`; the same path works on the bridge and on app://. */
export const RENDERER_BASE = '/kiosk/';

/** `scheme://host[:port]` of a URL; unlike `URL.origin` it is not "null" for custom schemes. */
export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return undefined;
  }
}

/** The page the window loads. */
export function rendererUrl(config: Pick<KioskConfig, 'KIOSK_RENDERER' | 'KIOSK_BRIDGE_URL'>): string {
  switch (config.KIOSK_RENDERER) {
    case 'bundled':
      return `${APP_ORIGIN}${RENDERER_BASE}`;
    case 'bridge':
      return `${config.KIOSK_BRIDGE_URL}${RENDERER_BASE}`;
    default: {
      const never: never = config.KIOSK_RENDERER;
      return never;
    }
  }
}

/** The only origin whose pages may talk to the main process: the one the renderer comes from. */
export function trustedOrigin(config: Pick<KioskConfig, 'KIOSK_RENDERER' | 'KIOSK_BRIDGE_URL'>): string {
  const origin = originOf(rendererUrl(config));
  if (!origin) throw new Error('renderer URL has no origin');
  return origin;
}

export function isTrustedUrl(url: string, trusted: string): boolean {
  return originOf(url) === trusted;
}

/** CSP for kiosk pages: own scripts only, sockets only to the bridge, no plugins, frames or foreign forms. */
export function contentSecurityPolicy(bridgeUrl: string): string {
  const bridge = new URL(bridgeUrl);
  const ws = `${bridge.protocol === 'https:' ? 'wss:' : 'ws:'}//${bridge.host}`;
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self' data: blob:",
    `connect-src 'self' ${bridge.origin} ${ws}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.wav': 'audio/wav',
};

export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file an app:// URL path stands for, inside `webDir`: `/kiosk/assets/x.js` -> `webDir/assets/x.js`;
 * extensionless paths fall back to `index.html` (client-side routes). Undefined for anything outside the
 * renderer base or that would leave `webDir` (`..`, encoded slashes).
 */
export function resolveAppFile(webDir: string, pathname: string): string | undefined {
  if (!pathname.startsWith(RENDERER_BASE) && pathname !== RENDERER_BASE.slice(0, -1)) return undefined;
  let rel: string;
  try {
    rel = decodeURIComponent(pathname.slice(RENDERER_BASE.length));
  } catch {
    return undefined;
  }
  if (rel.includes('\0') || rel.includes('\\')) return undefined;
  const root = path.resolve(webDir);
  if (rel === '' || !path.extname(rel)) return path.join(root, 'index.html');
  const file = path.resolve(root, rel);
  return file.startsWith(root + path.sep) ? file : undefined;
}

/**
 * Media permission requests: the microphone for the trusted page only (wake word and speech), never the
 * camera or screen capture. `mediaTypes` is Electron's `details.mediaTypes` (request handler) or the one
 * `details.mediaType` (check handler); an unknown or empty list is refused.
 */
export function mediaAllowed(
  permission: string,
  mediaTypes: readonly string[] | undefined,
  url: string,
  trusted: string,
): boolean {
  return (
    permission === 'media' &&
    isTrustedUrl(url, trusted) &&
    mediaTypes !== undefined &&
    mediaTypes.length > 0 &&
    mediaTypes.every((t) => t === 'audio')
  );
}

/** DevTools never in a packaged (production) kiosk; in development only when KIOSK_DEVTOOLS asks for them. */
export function devToolsEnabled(config: Pick<KioskConfig, 'KIOSK_DEVTOOLS'>, packaged: boolean): boolean {
  return !packaged && config.KIOSK_DEVTOOLS;
}

/**
 * The pin of a certificate: base64 SHA-256 of its public key (SubjectPublicKeyInfo, DER), as Chromium's
 * `--ignore-certificate-errors-spki-list` takes it and as `deploy/kiosk-browser.sh` computes it with openssl.
 */
export function spkiPin(pem: string | Buffer): string {
  const der = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}

/**
 * Electron's certificate check for one connection (`setCertificateVerifyProc`): accept a chain Chromium
 * does not trust only when it is the bridge's host and the served certificate carries the pinned key
 * (KIOSK_BRIDGE_CERT). Everything else keeps Chromium's own verdict.
 */
export function pinnedBridgeCertificate(o: {
  hostname: string;
  certificatePem: string;
  bridgeUrl: string;
  pin: string | undefined;
}): boolean {
  if (!o.pin) return false;
  let bridgeHost: string;
  try {
    bridgeHost = new URL(o.bridgeUrl).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  if (o.hostname !== bridgeHost) return false;
  try {
    return spkiPin(o.certificatePem) === o.pin;
  } catch {
    return false;
  }
}
