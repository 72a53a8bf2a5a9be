import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { KioskHostApi } from '../shared/host-api.ts';
import { App } from './app.tsx';
import { BridgeClient } from './bridge-client.ts';
import { findHost } from './host-client.ts';
import { readBrowserLaunchOptions, withoutToken, type LaunchOptions } from './launch-options.ts';
import './fonts.ts';
import './styles.css';

declare global {
  interface Window {
    /** Present only inside the Electron shell (exposed by the preload). */
    readonly kioskHost?: KioskHostApi;
  }
}

/** Settings from the kiosk's Node side when there is one, else from the page's URL (served by the bridge). */
async function launchOptions(host: KioskHostApi | undefined): Promise<LaunchOptions> {
  const fromUrl = readBrowserLaunchOptions(window.location, window.sessionStorage);
  const tidy = withoutToken(window.location.href);
  if (tidy !== window.location.href) window.history.replaceState(null, '', tidy);
  if (!host) return fromUrl;
  const r = await host.getConfig({});
  if (!r.ok) throw new Error(`host getConfig failed: ${r.error.code} ${r.error.message}`);
  return { ...r.value, robotScreen: r.value.robotScreen || fromUrl.robotScreen };
}

async function start(): Promise<void> {
  const host = findHost(window);
  const opts = await launchOptions(host);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  // What the host can do, asked once. Collecting the site's voice samples (KIOSK_VOICE_SAMPLES_DIR): the
  // recording screens, no citizens.
  const caps = host ? await host.capabilities({}) : undefined;
  if (host && caps?.ok && caps.value.voiceSamples) {
    // Loaded only in this mode: the citizen's kiosk never downloads the recording screens.
    const { SamplesApp } = await import('./samples/samples-app.tsx');
    createRoot(root).render(
      <StrictMode>
        <SamplesApp host={host} microphone={opts.microphone ?? ''} keywords={caps.value.wakeKeywords} />
      </StrictMode>,
    );
    return;
  }
  const client = new BridgeClient({
    url: opts.bridgeUrl,
    token: opts.token,
    websocketOnly: new URL(opts.bridgeUrl).origin !== window.location.origin,
  });
  createRoot(root).render(
    <StrictMode>
      <App
        client={client}
        host={host}
        capabilities={caps?.ok ? caps.value : undefined}
        bridgeUrl={opts.bridgeUrl}
        idleSeconds={opts.idleSeconds}
        robotScreen={opts.robotScreen}
        microphone={opts.microphone ?? ''}
      />
    </StrictMode>,
  );
}

start().catch((e: unknown) => {
  console.error('kiosk failed to start', e);
});
