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
import { HOST_CHANNELS, type KioskHostConfig } from '../shared/host-api.ts';
import { readKioskConfig, type KioskConfig } from './config.ts';
import {
  APP_HOST,
  APP_SCHEME,
  contentSecurityPolicy,
  contentTypeOf,
  devToolsEnabled,
  isTrustedUrl,
  mediaAllowed,
  rendererUrl,
  resolveAppFile,
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
      devTools: devToolsEnabled(config, app.isPackaged),
    },
  });
  win.once('ready-to-show', () => win.show());
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

  app.on('web-contents-created', (_event, contents) => lockDown(contents, trusted));
  app.on('window-all-closed', () => app.quit());
  await app.whenReady();
  if (config.KIOSK_MODE) Menu.setApplicationMenu(null);

  const ses = session.defaultSession;
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

  ipcMain.handle(HOST_CHANNELS.getConfig, (event): KioskHostConfig => {
    assertTrustedSender(event, trusted);
    return {
      bridgeUrl: config.KIOSK_BRIDGE_URL,
      token: config.KIOSK_TOKEN,
      idleSeconds: config.KIOSK_IDLE_SECONDS,
    };
  });

  const win = createWindow(config);
  await win.loadURL(rendererUrl(config));
}

main().catch((e: unknown) => {
  process.stderr.write(`kiosk: cannot start: ${(e as Error).stack ?? String(e)}\n`);
  app.exit(1);
});
