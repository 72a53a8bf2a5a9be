import type { Service, SiteCatalogue } from '@reception/protocol';
import { textIn } from '@reception/i18n';
import { TakeTicket } from './take-ticket.tsx';
import { useTranslator } from './translator-context.tsx';

/**
 * One procedure: what it is, the papers to bring, the fee, how long it takes and which counter handles it.
 * Actions for this procedure (take a ticket, follow the robot) belong in the `detail-actions` footer;
 * they reach the bridge through `useBridge()` from bridge-context.tsx.
 */
export function ProcedureDetail(props: { site: SiteCatalogue; service: Service }) {
  const { site, service } = props;
  const i18n = useTranslator();
  const lang = i18n.language;
  const counters = site.counters.filter((c) => service.counters.includes(c.id));
  return (
    <main className="detail">
      <h1 className="screen-heading">{textIn(service.name, lang)}</h1>
      <p className="detail-description">{textIn(service.description, lang)}</p>

      <section className="detail-section detail-where" aria-labelledby="where-heading">
        <h2 id="where-heading">{i18n.t('kiosk.where_to_go_heading')}</h2>
        <ul className="counter-list">
          {counters.map((c) => (
            <li key={c.id} className="counter-item">
              <span
                className="counter-number"
                aria-label={i18n.t('common.counter_number', { number: c.number })}
              >
                {c.number}
              </span>
              <span className="counter-name">{textIn(c.name, lang)}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="detail-section" aria-labelledby="documents-heading">
        <h2 id="documents-heading">{i18n.t('kiosk.documents_heading')}</h2>
        <ol className="document-list">
          {service.required_documents.map((d, i) => (
            <li key={i}>{textIn(d, lang)}</li>
          ))}
        </ol>
      </section>

      <div className="detail-facts">
        <section className="detail-section" aria-labelledby="fee-heading">
          <h2 id="fee-heading">{i18n.t('kiosk.fee_heading')}</h2>
          <p className="fee-amount">{i18n.money(service.fee.amount_vnd)}</p>
          {service.fee.note && <p className="fee-note">{textIn(service.fee.note, lang)}</p>}
        </section>
        <section className="detail-section" aria-labelledby="time-heading">
          <h2 id="time-heading">{i18n.t('kiosk.processing_time_heading')}</h2>
          <p>{textIn(service.processing_time, lang)}</p>
        </section>
      </div>
      <TakeTicket site={site} service={service} />
    </main>
  );
}
