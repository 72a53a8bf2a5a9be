import type { Service } from '@reception/protocol';
import { documentHelp, documentText } from '@reception/protocol';
import { textIn } from '@reception/i18n';
import { useKiosk } from './kiosk-context.tsx';
import { QrCode } from './qr-code.tsx';
import { useTranslator } from './translator-context.tsx';

/**
 * One procedure: what it is, the papers to bring, the fee, how long it takes, which counter handles it and
 * whether it can be done online (QR to the portal page). The two main actions stay in a bar at the bottom
 * of the screen, never below the fold: check the papers then take a ticket, or be guided to the counter.
 */
export function ProcedureDetail(props: { service: Service }) {
  const { service } = props;
  const { site, dispatch } = useKiosk();
  const i18n = useTranslator();
  const lang = i18n.language;
  const counters = site.counters.filter((c) => service.counters.includes(c.id));
  const first = counters[0];
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
            <li key={i}>
              {textIn(documentText(d), lang)}
              {documentHelp(d).optional && (
                <span className="document-optional"> ({i18n.t('kiosk.optional_mark')})</span>
              )}
            </li>
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

      <section className="detail-section detail-online" aria-labelledby="online-heading">
        <h2 id="online-heading">{i18n.t('kiosk.online_heading')}</h2>
        {service.online ? (
          <div className="online-row">
            <QrCode text={service.online.url} label={i18n.t('kiosk.qr_portal_label')} size={160} />
            <p>{i18n.t(service.online.level === 'full' ? 'kiosk.online_full' : 'kiosk.online_partial')}</p>
          </div>
        ) : (
          <p>{i18n.t('kiosk.online_none')}</p>
        )}
      </section>

      <footer className="action-bar">
        <button
          type="button"
          className="main-action"
          data-action="check-papers"
          onClick={() => dispatch({ type: 'go', screen: { name: 'checklist', serviceId: service.id } })}
        >
          {i18n.t('kiosk.check_papers')}
        </button>
        {first && (
          <button
            type="button"
            className="second-action"
            data-action="guide"
            onClick={() => dispatch({ type: 'go', screen: { name: 'guide', place: first.place } })}
          >
            {i18n.t('kiosk.guide_me')}
          </button>
        )}
      </footer>
    </main>
  );
}
