import type { SiteCatalogue } from '@reception/protocol';
import { textIn } from '@reception/i18n';
import { useMemo } from 'react';
import { searchServices } from './search.ts';
import { useTranslator } from './translator-context.tsx';

/** Counter numbers serving a procedure, in site order ("Counter 1, 2"). */
export function counterNumbers(site: SiteCatalogue, counterIds: readonly string[]): number[] {
  return site.counters.filter((c) => counterIds.includes(c.id)).map((c) => c.number);
}

/** The procedures of the centre as big buttons, with a search box that narrows them as the citizen types. */
export function ProcedureList(props: {
  site: SiteCatalogue;
  query: string;
  onQuery: (q: string) => void;
  onOpen: (serviceId: string) => void;
}) {
  const { site, query, onQuery, onOpen } = props;
  const i18n = useTranslator();
  const lang = i18n.language;
  const matches = useMemo(() => searchServices(site.services, query, lang), [site, query, lang]);
  return (
    <main className="procedures">
      <h1 className="screen-heading">{i18n.t('kiosk.procedures_heading')}</h1>
      <form className="search" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="search-label" htmlFor="procedure-search">
          {i18n.t('kiosk.search_label')}
        </label>
        <div className="search-row">
          <input
            id="procedure-search"
            className="search-input"
            type="search"
            autoComplete="off"
            spellCheck={false}
            placeholder={i18n.t('kiosk.search_placeholder')}
            value={query}
            onChange={(e) => onQuery(e.target.value)}
          />
          {query !== '' && (
            <button type="button" className="search-clear" onClick={() => onQuery('')}>
              {i18n.t('kiosk.clear_search')}
            </button>
          )}
        </div>
      </form>
      {matches.length === 0 ? (
        <p className="no-results" role="status">
          {i18n.t('kiosk.no_results', { query: query.trim() })}
        </p>
      ) : (
        <ul className="procedure-list">
          {matches.map((s) => (
            <li key={s.id} data-service={s.id}>
              <button type="button" className="procedure-button" onClick={() => onOpen(s.id)}>
                <span className="procedure-name">{textIn(s.name, lang)}</span>
                <span className="procedure-counters">
                  {counterNumbers(site, s.counters)
                    .map((number) => i18n.t('common.counter_number', { number }))
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
