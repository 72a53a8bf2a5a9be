import type { Language, SiteCatalogue } from '@reception/protocol';
import { useMemo } from 'react';
import { textIn } from './format.ts';
import type { Messages } from './messages.ts';
import { searchServices } from './search.ts';

/** Counter numbers serving a procedure, in site order ("Counter 1, 2"). */
export function counterNumbers(site: SiteCatalogue, counterIds: readonly string[]): number[] {
  return site.counters.filter((c) => counterIds.includes(c.id)).map((c) => c.number);
}

/** The procedures of the centre as big buttons, with a search box that narrows them as the citizen types. */
export function ProcedureList(props: {
  site: SiteCatalogue;
  lang: Language;
  t: Messages;
  query: string;
  onQuery: (q: string) => void;
  onOpen: (serviceId: string) => void;
}) {
  const { site, lang, t, query, onQuery, onOpen } = props;
  const matches = useMemo(() => searchServices(site.services, query, lang), [site, query, lang]);
  return (
    <main className="procedures">
      <h1 className="screen-heading">{t.proceduresHeading}</h1>
      <form className="search" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="search-label" htmlFor="procedure-search">
          {t.searchLabel}
        </label>
        <div className="search-row">
          <input
            id="procedure-search"
            className="search-input"
            type="search"
            autoComplete="off"
            spellCheck={false}
            placeholder={t.searchPlaceholder}
            value={query}
            onChange={(e) => onQuery(e.target.value)}
          />
          {query !== '' && (
            <button type="button" className="search-clear" onClick={() => onQuery('')}>
              {t.clearSearch}
            </button>
          )}
        </div>
      </form>
      {matches.length === 0 ? (
        <p className="no-results" role="status">
          {t.noResults(query.trim())}
        </p>
      ) : (
        <ul className="procedure-list">
          {matches.map((s) => (
            <li key={s.id} data-service={s.id}>
              <button type="button" className="procedure-button" onClick={() => onOpen(s.id)}>
                <span className="procedure-name">{textIn(s.name, lang)}</span>
                <span className="procedure-counters">
                  {counterNumbers(site, s.counters)
                    .map((n) => t.counterNumber(n))
                    .join(' · ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
