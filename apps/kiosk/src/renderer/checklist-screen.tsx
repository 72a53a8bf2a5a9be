import { documentHelp, documentText, type Service } from '@reception/protocol';
import { textIn } from '@reception/i18n';
import { useKiosk } from './kiosk-context.tsx';
import { useTranslator } from './translator-context.tsx';

/** Indexes of the papers still missing: not ticked and not optional. */
export function missingPapers(service: Service, ticked: readonly number[]): number[] {
  return service.required_documents
    .map((d, i) => ({ i, optional: documentHelp(d).optional }))
    .filter(({ i, optional }) => !optional && !ticked.includes(i))
    .map(({ i }) => i);
}

/**
 * The document checklist before queuing: the citizen ticks the papers they have; what is missing is said
 * plainly with where to get it (and the way there), and will be printed on the ticket, so nobody waits
 * forty minutes to be sent home. Taking a ticket stays possible: the counter decides, not the kiosk.
 */
export function ChecklistScreen(props: { service: Service }) {
  const { service } = props;
  const { state, dispatch, site } = useKiosk();
  const i18n = useTranslator();
  const lang = i18n.language;
  const ticked = state.papers[service.id] ?? [];
  const missing = missingPapers(service, ticked);
  return (
    <main className="checklist">
      <h1 className="screen-heading">{i18n.t('kiosk.checklist_heading')}</h1>
      <p className="screen-subheading">{textIn(service.name, lang)}</p>
      <fieldset className="paper-list">
        <legend>{i18n.t('kiosk.checklist_hint')}</legend>
        {service.required_documents.map((d, i) => {
          const id = `paper-${i}`;
          return (
            <div key={i} className="paper-item" data-paper={i}>
              <input
                id={id}
                type="checkbox"
                checked={ticked.includes(i)}
                onChange={() => dispatch({ type: 'toggle-paper', serviceId: service.id, index: i })}
              />
              <label htmlFor={id}>
                {textIn(documentText(d), lang)}
                {documentHelp(d).optional && (
                  <span className="document-optional">{i18n.t('kiosk.optional_mark')}</span>
                )}
              </label>
            </div>
          );
        })}
      </fieldset>
      <section className="missing" aria-labelledby="missing-heading" aria-live="polite">
        {missing.length === 0 ? (
          <p className="all-present" role="status">
            {i18n.t('kiosk.all_present')}
          </p>
        ) : (
          <>
            <h2 id="missing-heading">{i18n.t('kiosk.missing_heading')}</h2>
            <p className="missing-warning">{i18n.t('kiosk.missing_warning', { count: missing.length })}</p>
            <ul className="missing-list">
              {missing.map((i) => {
                const d = service.required_documents[i];
                if (!d) return null;
                const help = documentHelp(d);
                const facility = help.facility
                  ? site.facilities.find((f) => f.id === help.facility)
                  : undefined;
                return (
                  <li key={i} data-missing={i}>
                    <p className="missing-name">{textIn(documentText(d), lang)}</p>
                    <p className="missing-where">
                      <strong>{i18n.t('kiosk.where_to_get')}</strong>{' '}
                      {help.where ? textIn(help.where, lang) : i18n.t('kiosk.no_help_known')}
                    </p>
                    {facility && (
                      <button
                        type="button"
                        className="small-action"
                        onClick={() =>
                          dispatch({ type: 'go', screen: { name: 'facilities', place: facility.place } })
                        }
                      >
                        {i18n.t('kiosk.show_the_way')}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
            <p>{i18n.t('kiosk.checklist_printed')}</p>
          </>
        )}
      </section>
      <footer className="action-bar">
        <button
          type="button"
          className="main-action"
          data-action="continue-to-ticket"
          onClick={() => dispatch({ type: 'go', screen: { name: 'priority', serviceId: service.id } })}
        >
          {i18n.t('kiosk.continue_to_ticket')}
        </button>
      </footer>
    </main>
  );
}
