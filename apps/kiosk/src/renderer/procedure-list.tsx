import type { SiteCatalogue } from '@reception/protocol';
import { textIn } from '@reception/i18n';
import { useMemo } from 'react';
import { useKiosk } from './kiosk-context.tsx';
import { searchFacilities, searchServices } from './search.ts';
import { SearchBox } from './search-box.tsx';
import { useTranslator } from './translator-context.tsx';

/** Counter numbers serving a procedure, in site order ("Counter 1, 2"). */
export function counterNumbers(site: SiteCatalogue, counterIds: readonly string[]): number[] {
  return site.counters.filter((c) => counterIds.includes(c.id)).map((c) => c.number);
}

/**
 * The procedures of the centre as big buttons, with a search box that narrows them as the citizen types and
 * understands whole requests (search-box.tsx).
 */
export function ProcedureList(props: { field: string | undefined }) {
  const { field } = props;
  const { site, state, dispatch } = useKiosk();
  const query = state.query;
  const onOpen = (serviceId: string) => dispatch({ type: 'go', screen: { name: 'detail', serviceId } });
  const i18n = useTranslator();
  const lang = i18n.language;
  const matches = useMemo(() => {
    // A search looks through every procedure: the citizen may have picked the wrong field.
    const pool =
      field && query.trim() === '' ? site.services.filter((s) => s.field === field) : site.services;
    return searchServices(pool, query, lang);
  }, [site, query, lang, field]);
  const places = useMemo(() => searchFacilities(site.facilities, query), [site, query]);
  const fieldName = site.fields?.find((f) => f.id === field)?.name;
  return (
    <main className="procedures">
      <h1 className="screen-heading">
        {fieldName ? textIn(fieldName, lang) : i18n.t('kiosk.procedures_heading')}
      </h1>
      <SearchBox />
      {places.length > 0 && (
        <ul className="facility-matches">
          {places.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                className="procedure-button"
                onClick={() => dispatch({ type: 'go', screen: { name: 'facilities', place: f.place } })}
              >
                <span className="procedure-name">{textIn(f.name, lang)}</span>
                <span className="procedure-counters">{i18n.t('kiosk.show_the_way')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {matches.length === 0 && places.length === 0 ? (
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
