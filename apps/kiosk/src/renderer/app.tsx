import { LANGUAGES, type SiteCatalogue } from '@reception/protocol';
import { useCallback, useEffect, useReducer, useState, useSyncExternalStore } from 'react';
import type { BridgeClient, ConnectionState } from './bridge-client.ts';
import { BridgeProvider } from './bridge-context.tsx';
import { textIn } from '@reception/i18n';
import { ConnectionBanner } from './connection-banner.tsx';
import { applyDocumentLanguage, kioskTranslator } from './i18n.ts';
import { ACTIVITY_EVENTS, IdleTimer } from './idle-timer.ts';
import { initialState, isPristine, kioskReducer } from './kiosk-state.ts';
import { ProcedureDetail } from './procedure-detail.tsx';
import { ProcedureList } from './procedure-list.tsx';
import { TopBar } from './top-bar.tsx';
import { TranslatorProvider } from './translator-context.tsx';
import { WelcomeScreen } from './welcome-screen.tsx';

/** Keeps the site catalogue fresh: fetched on every (re)connection and whenever the bridge says it changed. */
function useCatalogue(client: BridgeClient, connection: ConnectionState): SiteCatalogue | undefined {
  const [site, setSite] = useState<SiteCatalogue>();
  const load = useCallback(() => {
    void client.request('site:get', {}).then((r) => {
      if (r.ok) setSite(r.value);
      else console.warn(`site:get failed: ${r.error.code} ${r.error.message}`);
    });
  }, [client]);
  useEffect(() => {
    if (connection === 'connected') load();
  }, [connection, load]);
  useEffect(() => client.onBroadcast('site:changed', load), [client, load]);
  return site;
}

export function App({ client, idleSeconds }: { client: BridgeClient; idleSeconds: number }) {
  // An external store, so a connection made between render and subscription is never missed.
  const connection = useSyncExternalStore(
    useCallback((onChange: () => void) => client.onState(onChange), [client]),
    () => client.state,
  );
  const site = useCatalogue(client, connection);
  const [state, dispatch] = useReducer(kioskReducer, undefined, () => initialState());

  const defaultLanguage = site?.languages.default;
  useEffect(() => {
    if (defaultLanguage) dispatch({ type: 'site-loaded', defaultLanguage });
  }, [defaultLanguage]);

  const i18n = kioskTranslator(state.language, site);
  const title = site ? textIn(site.name, state.language) : '';
  useEffect(() => {
    applyDocumentLanguage(document, state.language);
    if (title) document.title = title;
  }, [state.language, title]);

  // Idle reset: armed whenever the kiosk holds something of a citizen's, restarted by any activity.
  const pristine = isPristine(state);
  useEffect(() => {
    if (pristine) return;
    const timer = new IdleTimer(idleSeconds * 1000, () => {
      dispatch({ type: 'idle' });
      window.scrollTo(0, 0);
    });
    const poke = () => timer.poke();
    timer.poke();
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, poke, { passive: true, capture: true });
    return () => {
      timer.stop();
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, poke, { capture: true });
    };
  }, [pristine, idleSeconds]);

  const chooseLanguage = (language: (typeof LANGUAGES)[number]) => {
    dispatch({ type: 'choose-language', language });
    void client.request('session:language', { language }).then((r) => {
      if (!r.ok) console.warn(`session:language failed: ${r.error.code}`);
    });
  };
  const screen = state.screen;
  const detailService =
    screen.name === 'detail' ? site?.services.find((s) => s.id === screen.serviceId) : undefined;

  let body;
  if (screen.name === 'welcome') {
    body = (
      <WelcomeScreen site={site} languages={site?.languages.enabled ?? LANGUAGES} onChoose={chooseLanguage} />
    );
  } else if (!site) {
    body = (
      <main className="loading" role="status">
        {i18n.t('kiosk.loading')}
      </main>
    );
  } else if (detailService) {
    body = <ProcedureDetail site={site} service={detailService} />;
  } else {
    body = (
      <ProcedureList
        site={site}
        query={state.query}
        onQuery={(query) => dispatch({ type: 'search', query })}
        onOpen={(serviceId) => {
          dispatch({ type: 'open', serviceId });
          window.scrollTo(0, 0);
        }}
      />
    );
  }

  return (
    <BridgeProvider value={client}>
      <TranslatorProvider value={i18n}>
        <div className="kiosk" data-screen={screen.name}>
          <ConnectionBanner state={connection} />
          {screen.name !== 'welcome' && (
            <TopBar
              title={title}
              onBack={() => dispatch({ type: 'back' })}
              onHome={() => dispatch({ type: 'home' })}
            />
          )}
          {body}
        </div>
      </TranslatorProvider>
    </BridgeProvider>
  );
}
