import type { QueueReport, ReportRow, SiteCatalogue } from '@reception/protocol';
import { useEffect, useState } from 'react';
import type { StaffSocket } from '../shared/use-staff-socket.ts';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const mins = (s: number | null) => (s === null ? '–' : (s / 60).toFixed(1));

function Rows({ rows, label }: { rows: ReportRow[]; label: (k: string) => string }) {
  return (
    <table>
      <thead>
        <tr>
          <th />
          <th>Issued</th>
          <th>Completed</th>
          <th>No-show</th>
          <th>Cancelled</th>
          <th>Wait p50 / p90 (min)</th>
          <th>Handling p50 / p90 (min)</th>
          <th>Rating</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{label(r.key)}</td>
            <td>{r.issued}</td>
            <td>{r.completed}</td>
            <td>{r.no_show}</td>
            <td>{r.cancelled}</td>
            <td>
              {mins(r.waiting.p50_s)} / {mins(r.waiting.p90_s)}
            </td>
            <td>
              {mins(r.handling.p50_s)} / {mins(r.handling.p90_s)}
            </td>
            <td>{r.rating_mean === null ? '–' : `${r.rating_mean.toFixed(2)} (${r.rating_count})`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Daily or per-counter report with CSV export (the CSV is fetched with the staff token, then saved). */
export function ReportPanel(p: {
  socket: StaffSocket;
  site: SiteCatalogue;
  token: string;
  counterId: string | undefined;
}) {
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [onlyMine, setOnlyMine] = useState(false);
  const [report, setReport] = useState<QueueReport>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    const query = { from, to, ...(onlyMine && p.counterId ? { counter_id: p.counterId } : {}) };
    void p.socket.emitWithAck('queue:report', query).then((r) => {
      if (r.ok) {
        setReport(r.value);
        setError(undefined);
      } else setError(r.error.message);
    });
  }, [p.socket, p.counterId, from, to, onlyMine]);

  const download = async () => {
    const res = await fetch(`/api/tickets/report.csv?from=${from}&to=${to}`, {
      headers: { authorization: `Bearer ${p.token}` },
    });
    if (!res.ok) {
      setError(`CSV export failed (${res.status})`);
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `tickets-${from}_${to}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const service = (id: string) => p.site.services.find((s) => s.id === id)?.name.vi ?? id;
  const counter = (id: string) => `Counter ${p.site.counters.find((c) => c.id === id)?.number ?? id}`;
  return (
    <div className="report">
      <div className="filters">
        <label>
          From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        {p.counterId && (
          <label>
            <input type="checkbox" checked={onlyMine} onChange={(e) => setOnlyMine(e.target.checked)} /> only
            my counter
          </label>
        )}
        <button onClick={() => void download()}>Download CSV</button>
      </div>
      {error && <p className="error">{error}</p>}
      {report && (
        <>
          <h3>By service</h3>
          <Rows
            rows={[...report.by_service, report.total]}
            label={(k) => (k === 'total' ? 'Total' : service(k))}
          />
          <h3>By counter</h3>
          <Rows rows={report.by_counter} label={counter} />
          <h3>Citizen ratings</h3>
          <p>
            {report.ratings.map((r) => (
              <span key={r.score} className="stars">
                {'★'.repeat(r.score)}: <b>{r.count}</b>
              </span>
            ))}
          </p>
          {report.reasons.length > 0 && (
            <ul>
              {report.reasons.map((r, i) => (
                <li key={i}>
                  {'★'.repeat(r.score)} — {r.reason}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
