import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  net,
  protocol,
  session,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import pino from 'pino';
import { HOST_EVENTS, HOST_METHODS, type HostMethod } from '../shared/host-api.ts';
import { createKioskHost } from '../host/compose.ts';
import { readKioskConfig, type KioskConfig } from '../host/config.ts';
import type { KioskHost } from '../host/kiosk-host.ts';
import {
  APP_HOST,
  APP_SCHEME,
  contentSecurityPolicy,
  contentTypeOf,
  devToolsEnabled,
  isTrustedUrl,
  mediaAllowed,
  pinnedBridgeCertificate,
  rendererUrl,
  resolveAppFile,
  spkiPin,
  trustedOrigin,
} from './security.ts';

/**
 * Electron main process: one locked-down window showing the same renderer as browser mode. Security after
 * Electron's checklist (ARCHITECTURE.md section 8): context isolation, sandbox, no Node in the page, a CSP on every
 * response, no navigation away, no new windows or webviews, permission requests refused except the
 * microphone for the trusted page, and every IPC call checked to come from the kiosk's own top frame.
 */

// Must happen before `ready`: app:// behaves like https (secure context, fetch, relative URLs).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

class UntrustedSenderError extends Error {
  readonly code = 'FORBIDDEN';
}

function assertTrustedSender(event: IpcMainInvokeEvent, trusted: string): void {
  const frame = event.senderFrame;
  // Only the top frame of our window, showing our own origin, may call the host API.
  if (!frame || frame.parent !== null || !isTrustedUrl(frame.url, trusted)) {
    throw new UntrustedSenderError(`IPC from untrusted frame ${frame?.url ?? '(gone)'}`);
  }
}

function serveBundledRenderer(config: KioskConfig, csp: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveAppFile(config.KIOSK_WEB_DIR, url.pathname) : undefined;
    if (!file) return new Response('not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    if (!res.ok) {
      const hint = file.endsWith('index.html') ? ' (run `npm run -w @reception/kiosk build`)' : '';
      return new Response(`not found${hint}`, { status: 404 });
    }
    return new Response(res.body, {
      status: 200,
      headers: {
        'content-type': contentTypeOf(file),
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}

function lockDown(contents: WebContents, trusted: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url, trusted)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url, trusted)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function createWindow(config: KioskConfig): BrowserWindow {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const win = new BrowserWindow({
    width: 1280,
    height: 900,
    show: false,
    kiosk: config.KIOSK_MODE,
    fullscreen: config.KIOSK_MODE || config.KIOSK_FULLSCREEN,
    alwaysOnTop: config.KIOSK_MODE,
    frame: !config.KIOSK_MODE,
    autoHideMenuBar: true,
    backgroundColor: '#eef2f7',
    webPreferences: {
      preload: path.join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Voice: the microphone's AudioContext starts without waiting for a first touch.
      autoplayPolicy: 'no-user-gesture-required',
      devTools: devToolsEnabled(config, app.isPackaged),
    },
  });
  win.once('ready-to-show', () => win.show());
  // Always in front: above panels and notifications, and back on top if anything takes the focus.
  if (config.KIOSK_MODE) {
    win.setAlwaysOnTop(true, 'screen-saver');
    win.on('blur', () => win.focus());
  }
  // A kiosk's layout is already large; pinch-zoom would only strand a citizen in a corner of the page.
  if (config.KIOSK_MODE) void win.webContents.setVisualZoomLevelLimits(1, 1);
  return win;
}

async function main(): Promise<void> {
  let config: KioskConfig;
  try {
    config = readKioskConfig();
  } catch (e) {
    process.stderr.write(`kiosk: ${(e as Error).message}\n`);
    app.exit(2);
    return;
  }
  const trusted = trustedOrigin(config);
  const csp = contentSecurityPolicy(config.KIOSK_BRIDGE_URL);
  let pin: string | undefined;
  try {
    pin = config.KIOSK_BRIDGE_CERT ? spkiPin(readFileSync(config.KIOSK_BRIDGE_CERT)) : undefined;
  } catch (e) {
    process.stderr.write(
      `kiosk: KIOSK_BRIDGE_CERT ${config.KIOSK_BRIDGE_CERT}: not a readable PEM certificate (${(e as Error).message})\n`,
    );
    app.exit(2);
    return;
  }

  app.on('web-contents-created', (_event, contents) => lockDown(contents, trusted));
  app.on('window-all-closed', () => app.quit());
  await app.whenReady();
  if (config.KIOSK_MODE) Menu.setApplicationMenu(null);

  const ses = session.defaultSession;
  // A bridge on HTTPS with a certificate this machine does not trust by itself: accept its pinned key only.
  if (pin) {
    ses.setCertificateVerifyProc((request, callback) => {
      const ok = pinnedBridgeCertificate({
        hostname: request.hostname,
        certificatePem: request.certificate.data,
        bridgeUrl: config.KIOSK_BRIDGE_URL,
        pin,
      });
      callback(ok ? 0 : -3); // 0: accept; -3: Chromium's own verdict
    });
  }
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  // The microphone only: a camera or screen-capture request is refused like any other permission.
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    const types = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(mediaAllowed(permission, types, contents.getURL(), trusted));
  });
  ses.setPermissionCheckHandler((_contents, permission, origin, details) => {
    const type = 'mediaType' in details ? details.mediaType : undefined;
    return mediaAllowed(permission, type ? [type] : undefined, origin, trusted);
  });
  serveBundledRenderer(config, csp);

  const log = pino({ level: config.LOG_LEVEL });
  const host = await createKioskHost(config, log);
  const url = rendererUrl(config);
  const win = createWindow(config);
  serveHost(host, win, trusted);
  keepAlive(win, url, log);
  app.on('before-quit', () => void host.close());
  await win.loadURL(url);
}

/** One IPC handler per host method, each checking its sender; host events go to the kiosk's window. */
function serveHost(host: KioskHost, win: BrowserWindow, trusted: string): void {
  for (const method of Object.keys(HOST_METHODS) as HostMethod[]) {
    ipcMain.handle(HOST_METHODS[method].channel, (event, raw: unknown) => {
      assertTrustedSender(event, trusted);
      return host.call(method, raw);
    });
  }
  host.onSpeech((payload) => {
    if (!win.isDestroyed()) win.webContents.send(HOST_EVENTS.speech.channel, payload);
  });
  host.onVoice((payload) => {
    if (!win.isDestroyed()) win.webContents.send(HOST_EVENTS.voice.channel, payload);
  });
}

/**
 * A kiosk must never show a dead window: a crashed or killed renderer is reloaded at once, a page that
 * stops answering for `HUNG_RELOAD_MS` is reloaded, and a failed load (bridge renderer unreachable) is
 * retried. Each reload starts the citizen's visit over, which is what an idle reset would do anyway.
 */
const HUNG_RELOAD_MS = 10_000;
const LOAD_RETRY_MS = 5_000;
function keepAlive(win: BrowserWindow, url: string, log: pino.Logger): void {
  const contents = win.webContents;
  let hung: ReturnType<typeof setTimeout> | undefined;
  contents.on('render-process-gone', (_e, details) => {
    log.error({ reason: details.reason, exitCode: details.exitCode }, 'renderer gone; reloading');
    if (!win.isDestroyed()) void win.loadURL(url);
  });
  win.on('unresponsive', () => {
    log.warn('renderer unresponsive');
    clearTimeout(hung);
    hung = setTimeout(() => {
      log.error('renderer still unresponsive; reloading');
      if (!win.isDestroyed()) contents.forcefullyCrashRenderer();
    }, HUNG_RELOAD_MS);
  });
  win.on('responsive', () => clearTimeout(hung));
  contents.on('did-fail-load', (_e, code, description, failedUrl, isMainFrame) => {
    if (!isMainFrame) return;
    log.warn({ code, description, url: failedUrl }, 'renderer failed to load; retrying');
    setTimeout(() => {
      if (!win.isDestroyed()) void win.loadURL(url);
    }, LOAD_RETRY_MS);
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`kiosk: cannot start: ${(e as Error).stack ?? String(e)}\n`);
  app.exit(1);
});
