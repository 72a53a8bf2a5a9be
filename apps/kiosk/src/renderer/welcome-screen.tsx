import type { Language, SiteCatalogue } from '@reception/protocol';
import { directionOf, textIn, translator } from '@reception/i18n';
import type { KioskHostApi } from '../shared/host-api.ts';
import type { ConnectionState } from './bridge-client.ts';
import { useTranslator } from './translator-context.tsx';

/**
 * The attract screen: the centre's name and one big button per language, each labelled in its own script
 * so a citizen recognises their language without reading any other, with a "Listen" button beside each
 * that speaks the prompt in that language. A kiosk whose token the bridge refused says so here, in every
 * language, instead of offering buttons that would fail after a choice.
 */
export function WelcomeScreen(props: {
  site: SiteCatalogue | undefined;
  languages: readonly Language[];
  connection: ConnectionState;
  host: KioskHostApi | undefined;
  canSpeak: boolean;
  onChoose: (lang: Language) => void;
}) {
  const { site, languages, connection, host, canSpeak, onChoose } = props;
  const i18n = useTranslator();
  const inLanguage = (l: Language) => translator(l, i18n.timeZone);
  const refused = connection === 'unauthorized';
  return (
    <main className="welcome">
      {site && (
        <header className="welcome-header">
          <h1 className="welcome-site">{textIn(site.name, i18n.language)}</h1>
          <p className="welcome-address">{textIn(site.address, i18n.language)}</p>
        </header>
      )}
      {refused ? (
        <div className="welcome-refused" role="alert">
          {languages.map((l) => (
            <p key={l} lang={l} dir={directionOf(l)}>
              {inLanguage(l).t('kiosk.unauthorized_welcome')}
            </p>
          ))}
        </div>
      ) : !site ? (
        <div className="welcome-waiting" role="status">
          {languages.map((l) => (
            <p key={l} lang={l} dir={directionOf(l)}>
              {inLanguage(l).t(
                connection === 'connecting' ? 'kiosk.connection_starting' : 'kiosk.offline_no_catalogue',
              )}
            </p>
          ))}
        </div>
      ) : (
        <ul className="language-grid" aria-label={i18n.t('kiosk.choose_language')}>
          {languages.map((l) => (
            <li key={l} className="language-item" lang={l} dir={directionOf(l)}>
              <button
                type="button"
                className="language-button"
                aria-describedby={`prompt-${l}`}
                onClick={() => onChoose(l)}
              >
                <span className="language-name">{inLanguage(l).t('common.language_name')}</span>
              </button>
              {/* Beside the button, not in it: the button's name is the language alone, as it reads. */}
              <p className="language-prompt" id={`prompt-${l}`}>
                {inLanguage(l).t('kiosk.welcome')}
              </p>
              {canSpeak && (
                <button
                  type="button"
                  className="listen-button"
                  data-listen={l}
                  onClick={() => void host?.speak({ text: inLanguage(l).t('kiosk.welcome'), language: l })}
                >
                  <span aria-hidden="true">♪</span> {inLanguage(l).t('kiosk.listen')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
