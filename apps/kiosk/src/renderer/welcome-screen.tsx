import type { Language, SiteCatalogue } from '@reception/protocol';
import { directionOf, textIn, translator } from '@reception/i18n';
import { useTranslator } from './translator-context.tsx';

/**
 * The attract screen: the centre's name and one big button per language, each labelled in its own script
 * so a citizen recognises their language without reading any other.
 */
export function WelcomeScreen(props: {
  site: SiteCatalogue | undefined;
  languages: readonly Language[];
  onChoose: (lang: Language) => void;
}) {
  const { site, languages, onChoose } = props;
  // On the welcome screen the kiosk speaks the site's default language; each prompt is in its own.
  const i18n = useTranslator();
  const inLanguage = (l: Language) => translator(l, i18n.timeZone);
  return (
    <main className="welcome">
      {site && (
        <header className="welcome-header">
          <h1 className="welcome-site">{textIn(site.name, i18n.language)}</h1>
          <p className="welcome-address">{textIn(site.address, i18n.language)}</p>
        </header>
      )}
      <div className="welcome-prompts">
        {languages.map((l) => (
          <p key={l} lang={l} dir={directionOf(l)} className="welcome-prompt">
            {inLanguage(l).t('kiosk.welcome')}
          </p>
        ))}
      </div>
      <ul className="language-grid" aria-label={i18n.t('kiosk.choose_language')}>
        {languages.map((l) => (
          <li key={l}>
            <button
              type="button"
              className="language-button"
              lang={l}
              dir={directionOf(l)}
              onClick={() => onChoose(l)}
            >
              {inLanguage(l).t('common.language_name')}
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
