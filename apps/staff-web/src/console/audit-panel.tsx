import { AUDIT_OUTCOMES, type AuditEntry, type AuditQuery } from '@reception/protocol';
import { useState } from 'react';
import { ErrorNote, type StaffError } from '../shared/staff-error.tsx';
import { useTranslator } from '../shared/staff-i18n.tsx';
import type { StaffSocket } from '../shared/use-staff-socket.ts';

type Filter = { from: string; to: string; actor: string; action: string; outcome: string };

function query(f: Filter): Partial<AuditQuery> {
  const q: Partial<AuditQuery> = {};
  if (f.from) q.from = f.from;
  if (f.to) q.to = f.to;
  if (f.actor.trim()) q.actor = f.actor.trim();
  if (f.action.trim()) q.action = f.action.trim();
  const outcome = AUDIT_OUTCOMES.find((o) => o === f.outcome);
  if (outcome) q.outcome = outcome;
  return q;
}

/**
 * The audit log (permission `audit.read`): every robot command, counter action, login, logout and token
 * change, searched by date, person, action and outcome, paged backwards, and downloaded as CSV.
 */
export function AuditPanel({ socket, token }: { socket: StaffSocket; token: string }) {
  const i18n = useTranslator();
  const [filter, setFilter] = useState<Filter>({ from: '', to: '', actor: '', action: '', outcome: '' });
  const [entries, setEntries] = useState<AuditEntry[]>();
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<StaffError>();

  const search = async (before?: number) => {
    const r = await socket.emitWithAck('audit:search', {
      ...query(filter),
      ...(before ? { before } : {}),
      limit: 100,
    });
    if (!r.ok) {
      setError({ code: r.error.code, detail: r.error.message });
      return;
    }
    setError(undefined);
    setEntries(before ? [...(entries ?? []), ...r.value.entries] : r.value.entries);
    setNext(r.value.next_before);
  };
  const download = async () => {
    const params = new URLSearchParams(Object.entries(query(filter)).map(([k, v]) => [k, String(v)]));
    const res = await fetch(`/api/audit.csv?${params.toString()}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!res.ok) {
      setError({ code: res.status === 403 ? 'FORBIDDEN' : 'INTERNAL', detail: res.statusText });
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = 'audit.csv';
    a.click();
    URL.revokeObjectURL(url);
  };
  const field = (key: keyof Filter, label: string, type = 'text') => (
    <label>
      {label}
      <input
        type={type}
        value={filter[key]}
        onChange={(e) => setFilter({ ...filter, [key]: e.target.value })}
      />
    </label>
  );

  return (
    <section className="audit" aria-label={i18n.t('console.audit_title')}>
      <h2>{i18n.t('console.audit_title')}</h2>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        {field('from', i18n.t('console.audit_from'), 'date')}
        {field('to', i18n.t('console.audit_to'), 'date')}
        {field('actor', i18n.t('console.audit_actor'))}
        {field('action', i18n.t('console.audit_action'))}
        <label>
          {i18n.t('console.filter_state')}
          <select value={filter.outcome} onChange={(e) => setFilter({ ...filter, outcome: e.target.value })}>
            {['', ...AUDIT_OUTCOMES].map((o) => (
              <option key={o} value={o}>
                {i18n.t('console.audit_outcome', { outcome: o || 'all' })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{i18n.t('console.search')}</button>
        <button type="button" className="secondary" onClick={() => void download()}>
          {i18n.t('console.export_csv')}
        </button>
      </form>
      {error?.code === 'FORBIDDEN' ? <p>{i18n.t('console.audit_forbidden')}</p> : <ErrorNote error={error} />}
      {entries?.length === 0 && <p>{i18n.t('console.audit_empty')}</p>}
      {entries && entries.length > 0 && (
        <table data-testid="audit-log">
          <thead>
            <tr>
              <th>{i18n.t('console.col_time')}</th>
              <th>{i18n.t('console.audit_actor')}</th>
              <th>{i18n.t('console.audit_action')}</th>
              <th>{i18n.t('console.audit_target')}</th>
              <th>{i18n.t('console.filter_state')}</th>
              <th>{i18n.t('console.audit_address')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq}>
                <td>
                  <time dateTime={e.at}>{i18n.time(e.at, true)}</time>
                </td>
                <td>{e.actor}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>{e.target}</td>
                <td title={e.detail}>{i18n.t('console.audit_outcome', { outcome: e.outcome })}</td>
                <td>{e.address}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next !== null && (
        <button className="secondary" onClick={() => void search(next)}>
          {i18n.t('console.more')}
        </button>
      )}
    </section>
  );
}
