import type { SiteCatalogue } from '@reception/protocol';
import { directionOf, translator, type MessageKey, type Translator } from '@reception/i18n';
import { useMemo } from 'react';

/** The display's languages: the site's default first, then every other enabled one, all on the site's clock. */
export interface DisplayLanguages {
  primary: Translator;
  others: Translator[];
  all: Translator[];
}

export function displayLanguages(site: SiteCatalogue | undefined): DisplayLanguages {
  const zone = site?.timezone ?? 'UTC';
  const first = site?.languages.default ?? 'vi';
  const rest = (site?.languages.enabled ?? []).filter((l) => l !== first);
  const primary = translator(first, zone);
  const others = rest.map((l) => translator(l, zone));
  return { primary, others, all: [primary, ...others] };
}

export function useDisplayLanguages(site: SiteCatalogue | undefined): DisplayLanguages {
  return useMemo(() => displayLanguages(site), [site]);
}

/**
 * A heading or notice read from across the lobby: large in the site's default language, then smaller in
 * each other enabled language, each marked with its own language and direction.
 */
export function Captions({ langs, message }: { langs: DisplayLanguages; message: MessageKey }) {
  return (
    <>
      {langs.primary.t(message)}
      {langs.others.map((t) => (
        <small key={t.language} lang={t.language} dir={directionOf(t.language)}>
          {t.t(message)}
        </small>
      ))}
    </>
  );
}
