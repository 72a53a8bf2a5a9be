import type { Language, SiteCatalogue } from '@reception/protocol';
import { textIn } from './format.ts';
import { directionOf } from './i18n.ts';
import { MESSAGES } from './messages.ts';

/**
 * The attract screen: the centre's name and one big button per language, each labelled in its own script
 * so a citizen recognises their language without reading any other.
 */
export function WelcomeScreen(props: {
  site: SiteCatalogue | undefined;
  languages: readonly Language[];
  defaultLanguage: Language;
  onChoose: (lang: Language) => void;
}) {
  const { site, languages, defaultLanguage, onChoose } = props;
  return (
    <main className="welcome">
      {site && (
        <header className="welcome-header">
          <h1 className="welcome-site">{textIn(site.name, defaultLanguage)}</h1>
          <p className="welcome-address">{textIn(site.address, defaultLanguage)}</p>
        </header>
      )}
      <div className="welcome-prompts">
        {languages.map((l) => (
          <p key={l} lang={l} dir={directionOf(l)} className="welcome-prompt">
            {MESSAGES[l].welcome}
          </p>
        ))}
      </div>
      <ul className="language-grid" aria-label={MESSAGES[defaultLanguage].chooseLanguage}>
        {languages.map((l) => (
          <li key={l}>
            <button
              type="button"
              className="language-button"
              lang={l}
              dir={directionOf(l)}
              onClick={() => onChoose(l)}
            >
              {MESSAGES[l].nativeName}
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
