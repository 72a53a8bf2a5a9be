import type { QueueReport, ReportRow, SiteCatalogue } from '@reception/protocol';
import { textIn, translator, type Translator } from '@reception/i18n';
import { useEffect, useState } from 'react';
import { ErrorNote, type StaffError } from '../shared/staff-error.tsx';
import { useTranslator } from '../shared/staff-i18n.tsx';
import { siteToday } from '../shared/site-clock.ts';
import type { StaffSocket } from '../shared/use-staff-socket.ts';

/** A `YYYY-MM-DD` day written out in the page's language (it is a calendar day: no zone shifts it). */
const calendarDate = (i18n: Translator, day: string) =>
  translator(i18n.language, 'UTC').date(`${day}T00:00:00Z`, 'long');

/** Seconds as minutes with one decimal, in the staff member's words and numbers; a dash when unknown. */
const minutes = (i18n: Translator, s: number | null) =>
  s === null ? '–' : i18n.t('staff.report_minutes', { minutes: i18n.number(s / 60, 1) });

/**
 * One table of the report. Times are told in words ("half of the citizens waited at most", "9 in 10..."),
 * never as p50/p90. The Issued column is left out where nothing was issued: per counter, and in a report
 * of one counter.
 */
function Rows({ rows, label }: { rows: ReportRow[]; label: (k: string) => string }) {
  const i18n = useTranslator();
  const issued = rows.some((r) => r.issued !== null);
  return (
    <table>
      <thead>
        <tr>
          <th rowSpan={2} />
          {issued && <th rowSpan={2}>{i18n.t('staff.report_issued')}</th>}
          <th rowSpan={2}>{i18n.t('staff.ticket_status', { status: 'completed' })}</th>
          <th rowSpan={2}>{i18n.t('staff.ticket_status', { status: 'no_show' })}</th>
          <th rowSpan={2}>{i18n.t('staff.ticket_status', { status: 'cancelled' })}</th>
          <th colSpan={2} className="group">
            {i18n.t('staff.report_waiting')}
          </th>
          <th colSpan={2} className="group">
            {i18n.t('staff.report_serving')}
          </th>
          <th rowSpan={2}>{i18n.t('staff.report_rating')}</th>
        </tr>
        <tr className="sub">
          <th>{i18n.t('staff.report_half_waited')}</th>
          <th>{i18n.t('staff.report_most_waited')}</th>
          <th>{i18n.t('staff.report_half_served')}</th>
          <th>{i18n.t('staff.report_most_served')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{label(r.key)}</td>
            {issued && <td>{r.issued === null ? '–' : i18n.number(r.issued)}</td>}
            <td>{i18n.number(r.completed)}</td>
            <td>{i18n.number(r.no_show)}</td>
            <td>{i18n.number(r.cancelled)}</td>
            <td>{minutes(i18n, r.waiting.p50_s)}</td>
            <td>{minutes(i18n, r.waiting.p90_s)}</td>
            <td>{minutes(i18n, r.handling.p50_s)}</td>
            <td>{minutes(i18n, r.handling.p90_s)}</td>
            <td>
              {r.rating_mean === null
                ? '–'
                : i18n.t('staff.report_rating_value', { mean: r.rating_mean, count: r.rating_count })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Daily or per-counter report with CSV export (the CSV is fetched with the staff token, then saved). The
 * range starts as today on the site's clock, whatever the clock of this browser.
 */
export function ReportPanel(p: {
  socket: StaffSocket;
  site: SiteCatalogue;
  token: string;
  counterId: string | undefined;
}) {
  const i18n = useTranslator();
  const [from, setFrom] = useState(() => siteToday(i18n));
  const [to, setTo] = useState(() => siteToday(i18n));
  const [onlyMine, setOnlyMine] = useState(false);
  const [report, setReport] = useState<QueueReport>();
  const [error, setError] = useState<StaffError>();
  const [csvStatus, setCsvStatus] = useState<number>();

  useEffect(() => {
    const query = { from, to, ...(onlyMine && p.counterId ? { counter_id: p.counterId } : {}) };
    void p.socket.emitWithAck('queue:report', query).then((r) => {
      if (r.ok) {
        setReport(r.value);
        setError(undefined);
      } else setError({ code: r.error.code, detail: r.error.message });
    });
  }, [p.socket, p.counterId, from, to, onlyMine]);

  const download = async () => {
    setCsvStatus(undefined);
    const res = await fetch(`/api/tickets/report.csv?from=${from}&to=${to}`, {
      headers: { authorization: `Bearer ${p.token}` },
    });
    if (!res.ok) {
      setCsvStatus(res.status);
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `tickets-${from}_${to}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const text = (t: Parameters<typeof textIn>[0]) => textIn(t, i18n.language, p.site.languages.default);
  const service = (id: string) => {
    const s = p.site.services.find((x) => x.id === id);
    return s ? text(s.name) : id;
  };
  const counter = (id: string) =>
    i18n.t('common.counter_number', { number: p.site.counters.find((c) => c.id === id)?.number ?? id });
  return (
    <div className="report">
      <div className="filters">
        <label>
          {i18n.t('staff.report_from')}{' '}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {i18n.t('staff.report_to')} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        {p.counterId && (
          <label>
            <input type="checkbox" checked={onlyMine} onChange={(e) => setOnlyMine(e.target.checked)} />{' '}
            {i18n.t('staff.report_only_mine')}
          </label>
        )}
        <button onClick={() => void download()}>{i18n.t('staff.report_download')}</button>
      </div>
      <ErrorNote error={error} />
      {csvStatus !== undefined && (
        <p role="alert" className="error">
          {i18n.t('staff.report_download_failed', { status: csvStatus })}
        </p>
      )}
      {report && (
        <>
          <h2 className="period">
            {i18n.t('staff.report_period', {
              from: calendarDate(i18n, report.from),
              to: calendarDate(i18n, report.to),
              same: report.from === report.to ? 'yes' : 'no',
            })}
          </h2>
          <h3>{i18n.t('staff.report_by_service')}</h3>
          <Rows
            rows={[...report.by_service, report.total]}
            label={(k) => (k === 'total' ? i18n.t('staff.report_total') : service(k))}
          />
          <h3>{i18n.t('staff.report_by_counter')}</h3>
          <Rows rows={report.by_counter} label={counter} />
          <p className="note">{i18n.t('staff.report_times_note')}</p>
          <h3>{i18n.t('staff.report_ratings')}</h3>
          <p>
            {report.ratings.map((r) => (
              <span key={r.score} className="stars" title={i18n.t('rating.score', { score: r.score })}>
                {'★'.repeat(r.score)}: <b>{i18n.number(r.count)}</b>
              </span>
            ))}
          </p>
          {report.reasons.length > 0 && (
            <ul>
              {report.reasons.map((r, i) => (
                <li key={i}>
                  {'★'.repeat(r.score)} — <span lang="">{r.reason}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
