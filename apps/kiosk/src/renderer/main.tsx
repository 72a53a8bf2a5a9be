import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { KioskHostApi } from '../shared/host-api.ts';
import { App } from './app.tsx';
import { BridgeClient } from './bridge-client.ts';
import { readBrowserLaunchOptions, withoutToken, type LaunchOptions } from './launch-options.ts';
import './fonts.ts';
import './styles.css';

declare global {
  interface Window {
    /** Present only inside the Electron shell (exposed by the preload). */
    readonly kioskHost?: KioskHostApi;
  }
}

async function launchOptions(): Promise<LaunchOptions> {
  if (window.kioskHost) return window.kioskHost.getConfig();
  const opts = readBrowserLaunchOptions(window.location, window.sessionStorage);
  const tidy = withoutToken(window.location.href);
  if (tidy !== window.location.href) window.history.replaceState(null, '', tidy);
  return opts;
}

async function start(): Promise<void> {
  const opts = await launchOptions();
  const client = new BridgeClient({
    url: opts.bridgeUrl,
    token: opts.token,
    websocketOnly: new URL(opts.bridgeUrl).origin !== window.location.origin,
  });
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App client={client} idleSeconds={opts.idleSeconds} />
    </StrictMode>,
  );
}

start().catch((e: unknown) => {
  console.error('kiosk failed to start', e);
});
