import type { Language, Service, SiteCatalogue } from '@reception/protocol';
import { formatFee, textIn } from './format.ts';
import type { Messages } from './messages.ts';
import { TakeTicket } from './take-ticket.tsx';

/**
 * One procedure: what it is, the papers to bring, the fee, how long it takes and which counter handles it.
 * Actions for this procedure (take a ticket, follow the robot) belong in the `detail-actions` footer;
 * they reach the bridge through `useBridge()` from bridge-context.tsx.
 */
export function ProcedureDetail(props: {
  site: SiteCatalogue;
  service: Service;
  lang: Language;
  t: Messages;
}) {
  const { site, service, lang, t } = props;
  const counters = site.counters.filter((c) => service.counters.includes(c.id));
  return (
    <main className="detail">
      <h1 className="screen-heading">{textIn(service.name, lang)}</h1>
      <p className="detail-description">{textIn(service.description, lang)}</p>

      <section className="detail-section detail-where" aria-labelledby="where-heading">
        <h2 id="where-heading">{t.whereToGoHeading}</h2>
        <ul className="counter-list">
          {counters.map((c) => (
            <li key={c.id} className="counter-item">
              <span className="counter-number" aria-label={t.counterNumber(c.number)}>
                {c.number}
              </span>
              <span className="counter-name">{textIn(c.name, lang)}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="detail-section" aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t.documentsHeading}</h2>
        <ol className="document-list">
          {service.required_documents.map((d, i) => (
            <li key={i}>{textIn(d, lang)}</li>
          ))}
        </ol>
      </section>

      <div className="detail-facts">
        <section className="detail-section" aria-labelledby="fee-heading">
          <h2 id="fee-heading">{t.feeHeading}</h2>
          <p className="fee-amount">{formatFee(service.fee.amount_vnd, lang)}</p>
          {service.fee.note && <p className="fee-note">{textIn(service.fee.note, lang)}</p>}
        </section>
        <section className="detail-section" aria-labelledby="time-heading">
          <h2 id="time-heading">{t.processingTimeHeading}</h2>
          <p>{textIn(service.processing_time, lang)}</p>
        </section>
      </div>
      <TakeTicket site={site} service={service} lang={lang} t={t} />
    </main>
  );
}
