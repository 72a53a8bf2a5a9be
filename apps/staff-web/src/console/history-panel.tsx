import {
  MISSION_KINDS,
  MISSION_REASONS,
  MISSION_STATES,
  type MissionListQuery,
  type MissionRecord,
} from '@reception/protocol';
import { useEffect, useState } from 'react';
import { ErrorNote, type StaffError } from '../shared/staff-error.tsx';
import { useTranslator } from '../shared/staff-i18n.tsx';
import type { StaffSocket } from '../shared/use-staff-socket.ts';

/** `kiosk:lobby_1` → kiosk, `counter:counter_3` → counter, `system`, or a staff username. */
export function requester(requestedBy: string): { by: string; who: string } {
  if (requestedBy === 'system') return { by: 'system', who: '' };
  const [prefix, ...rest] = requestedBy.split(':');
  if ((prefix === 'kiosk' || prefix === 'counter') && rest.length > 0)
    return { by: prefix, who: rest.join(':') };
  return { by: 'staff', who: requestedBy };
}

type Filter = { kind: string; state: string; reason: string; since: string };

/**
 * The robot's trips, newest first: when, where to, who asked, how it ended and why, and what happened on
 * the way (each event of the trip). Filtered by kind, outcome, reason and date; refreshed on demand and
 * whenever a trip ends.
 */
export function HistoryPanel({
  socket,
  ended,
  placeName,
}: {
  socket: StaffSocket;
  /** Changes whenever a trip ends: the list reloads. */
  ended: number;
  placeName: (id: string) => string;
}) {
  const i18n = useTranslator();
  const [filter, setFilter] = useState<Filter>({ kind: '', state: '', reason: '', since: '' });
  const [missions, setMissions] = useState<MissionRecord[]>();
  const [error, setError] = useState<StaffError>();
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const query: MissionListQuery = { limit: 50 };
    if (filter.kind) query.kind = MISSION_KINDS.find((k) => k === filter.kind);
    if (filter.state) query.state = MISSION_STATES.find((k) => k === filter.state);
    if (filter.reason) query.reason = MISSION_REASONS.find((k) => k === filter.reason);
    if (filter.since) query.since = new Date(`${filter.since}T00:00:00`).toISOString();
    void socket.emitWithAck('mission:list', query).then((r) => {
      if (r.ok) {
        setMissions(r.value.missions);
        setError(undefined);
      } else setError({ code: r.error.code, detail: r.error.message });
    });
  }, [socket, filter, reload, ended]);

  const select = (
    key: keyof Filter,
    label: string,
    values: readonly string[],
    words: (v: string) => string,
  ) => (
    <label>
      {label}
      <select value={filter[key]} onChange={(e) => setFilter({ ...filter, [key]: e.target.value })}>
        <option value="">{i18n.t('console.filter_all')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {words(v)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="history" aria-label={i18n.t('console.history_title')}>
      <h2>{i18n.t('console.history_title')}</h2>
      <div className="filters">
        {select('kind', i18n.t('console.filter_kind'), MISSION_KINDS, (kind) =>
          i18n.t('console.mission_kind', { kind }),
        )}
        {select('state', i18n.t('console.filter_state'), MISSION_STATES, (state) =>
          i18n.t('console.mission_state', { state }),
        )}
        {select('reason', i18n.t('console.filter_reason'), MISSION_REASONS, (reason) =>
          i18n.t('console.reason', { reason }),
        )}
        <label>
          {i18n.t('console.filter_since')}
          <input
            type="date"
            value={filter.since}
            onChange={(e) => setFilter({ ...filter, since: e.target.value })}
          />
        </label>
        <button className="secondary" onClick={() => setReload(reload + 1)}>
          {i18n.t('console.refresh')}
        </button>
      </div>
      <ErrorNote error={error} />
      {missions?.length === 0 && <p>{i18n.t('console.history_empty')}</p>}
      {missions && missions.length > 0 && (
        <table data-testid="mission-history">
          <thead>
            <tr>
              <th>{i18n.t('console.col_time')}</th>
              <th>{i18n.t('console.col_trip')}</th>
              <th>{i18n.t('console.col_by')}</th>
              <th>{i18n.t('console.col_outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {missions.map((m) => (
              <tr key={m.mission_id} data-mission={m.mission_id} data-state={m.state}>
                <td>
                  <time dateTime={m.created_at}>{i18n.time(m.created_at, true)}</time>
                </td>
                <td>
                  {i18n.t('console.mission_to', {
                    kind: i18n.t('console.mission_kind', { kind: m.kind }),
                    place: placeName(m.place),
                  })}
                </td>
                <td>{i18n.t('console.requested_by', requester(m.requested_by))}</td>
                <td>
                  {i18n.t('console.mission_state', { state: m.state })}
                  {m.reason && <> · {i18n.t('console.reason', { reason: m.reason })}</>}
                  {m.events.length > 0 && (
                    <details>
                      <summary>{i18n.t('console.events')}</summary>
                      <ol>
                        {m.events.map((e, i) => (
                          <li key={i}>
                            <time dateTime={e.at}>{i18n.time(e.at, true)}</time>{' '}
                            {i18n.t('console.mission_state', { state: e.state })}
                            {e.reason && <> · {i18n.t('console.reason', { reason: e.reason })}</>}
                          </li>
                        ))}
                      </ol>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
