import type { MissionUpdate, Permission, Result, RobotState } from '@reception/protocol';
import { useState } from 'react';
import { ErrorNote, type StaffError } from '../shared/staff-error.tsx';
import { useTranslator } from '../shared/staff-i18n.tsx';
import type { StaffSocket } from '../shared/use-staff-socket.ts';
import type { MapMode } from './robot-map.tsx';

export type MissionCommand = 'send' | 'recall' | 'pause' | 'resume' | 'dock' | 'undock' | 'cancel' | 'anchor';

/** What a tap on the map asks to confirm. */
export type Pending =
  | { command: 'send' | 'anchor'; place: string; name: string }
  | { command: 'anchor'; point: { x: number; y: number } };

/**
 * The robot's mission in plain words (what it does, where to, how far, why it stopped), the requests
 * waiting for it, and the commands: call back, pause, resume, dock, undock, cancel, "the robot is here".
 * Sending to a place and re-anchoring start with a tap on the map and end with a confirmation here.
 */
export function MissionPanel(props: {
  socket: StaffSocket;
  state: RobotState | undefined;
  current: MissionUpdate | undefined;
  waiting: MissionUpdate[];
  placeName: (id: string) => string;
  mode: MapMode;
  setMode: (m: MapMode) => void;
  pending: Pending | undefined;
  setPending: (p: Pending | undefined) => void;
  /** What this person may do (the bridge refuses the rest with FORBIDDEN; the page only hides it). */
  may: (p: Permission) => boolean;
}) {
  const i18n = useTranslator();
  const { socket, state, current, waiting, pending } = props;
  const [outcome, setOutcome] = useState<{ command: MissionCommand; error?: StaffError }>();
  const activity = state?.activity;
  const up = state?.link === 'up';

  const run = async (command: MissionCommand, send: () => Promise<Result<unknown>>) => {
    setOutcome(undefined);
    const r = await send();
    setOutcome(r.ok ? { command } : { command, error: { code: r.error.code, detail: r.error.message } });
  };
  const kindWords = (m: MissionUpdate) => i18n.t('console.mission_kind', { kind: m.kind });
  const confirm = () => {
    if (!pending) return;
    props.setPending(undefined);
    props.setMode('send');
    if (pending.command === 'send')
      void run('send', () => socket.emitWithAck('robot:send', { place: pending.place }));
    else
      void run('anchor', () =>
        socket.emitWithAck(
          'robot:anchor',
          'place' in pending
            ? { place: pending.place }
            : { pose: { ...pending.point, theta: state?.pose?.theta ?? 0 } },
        ),
      );
  };

  return (
    <section className="mission-panel" aria-label={i18n.t('console.current_mission')}>
      {activity && (
        <p className="activity" data-testid="robot-activity" data-value={activity.state}>
          <strong>{i18n.t('console.activity_label')}:</strong>{' '}
          {i18n.t('console.activity', { state: activity.state })}
          {activity.reason && !activity.needs_staff && (
            <span className="reason" data-testid="activity-reason" data-value={activity.reason}>
              {' '}
              ({i18n.t('console.reason', { reason: activity.reason })})
            </span>
          )}
        </p>
      )}
      {activity?.needs_staff && (
        <p className="needs-staff" role="alert">
          {i18n.t('console.needs_staff', {
            reason: i18n.t('console.reason', { reason: activity.reason ?? 'cancelled' }),
          })}
        </p>
      )}
      {activity?.battery_low && <p className="battery-low">{i18n.t('console.battery_low')}</p>}
      <h3>{i18n.t('console.current_mission')}</h3>
      {current ? (
        <div
          className="current"
          data-testid="current-mission"
          data-state={current.state}
          data-mission={current.mission_id}
        >
          <p>
            {i18n.t('console.mission_to', {
              kind: kindWords(current),
              place: props.placeName(current.place),
            })}{' '}
            · {i18n.t('console.mission_state', { state: current.state })}
          </p>
          {current.remaining_m > 0 && (
            <p>
              {i18n.t('console.progress', {
                metres: current.remaining_m,
                seconds: Math.round(current.eta_s),
              })}
            </p>
          )}
          {current.reason && <p className="reason">{i18n.t('console.reason', { reason: current.reason })}</p>}
        </div>
      ) : (
        <p data-testid="current-mission" data-state="">
          {i18n.t('console.no_mission')}
        </p>
      )}
      {props.may('robot.move') && (
        <div className="actions">
          <button
            disabled={!up}
            onClick={() => void run('recall', () => socket.emitWithAck('robot:recall', {}))}
          >
            {i18n.t('console.recall')}
          </button>
          {activity?.state === 'PAUSED' ? (
            <button
              disabled={!up}
              onClick={() => void run('resume', () => socket.emitWithAck('robot:resume', {}))}
            >
              {i18n.t('console.resume')}
            </button>
          ) : (
            <button
              className="secondary"
              disabled={!up || !current}
              onClick={() => void run('pause', () => socket.emitWithAck('robot:pause', {}))}
            >
              {i18n.t('console.pause')}
            </button>
          )}
          <button
            className="secondary"
            disabled={!up || !current}
            onClick={() => void run('cancel', () => socket.emitWithAck('mission:cancel', {}))}
          >
            {i18n.t('console.cancel_mission')}
          </button>
          {activity?.state === 'CHARGING' ? (
            <button
              className="secondary"
              disabled={!up}
              onClick={() => void run('undock', () => socket.emitWithAck('robot:undock', {}))}
            >
              {i18n.t('console.undock')}
            </button>
          ) : (
            <button
              className="secondary"
              disabled={!up}
              onClick={() => void run('dock', () => socket.emitWithAck('robot:dock', {}))}
            >
              {i18n.t('console.dock')}
            </button>
          )}
          <button
            className={props.mode === 'anchor' ? '' : 'secondary'}
            aria-pressed={props.mode === 'anchor'}
            onClick={() => props.setMode(props.mode === 'anchor' ? 'send' : 'anchor')}
          >
            {i18n.t('console.anchor')}
          </button>
        </div>
      )}
      {props.may('robot.move') && (
        <p className="hint">
          {i18n.t(props.mode === 'anchor' ? 'console.anchor_hint' : 'console.send_hint')}
        </p>
      )}
      {pending && (
        <div className="confirm" role="alertdialog">
          <p>
            {pending.command === 'send'
              ? i18n.t('console.send_question', { place: pending.name })
              : i18n.t('console.anchor_question', {
                  place: 'place' in pending ? pending.name : i18n.t('console.anchor_point', pending.point),
                })}
          </p>
          <button onClick={confirm}>
            {i18n.t(pending.command === 'send' ? 'console.send_yes' : 'console.anchor_yes')}
          </button>
          <button className="secondary" onClick={() => props.setPending(undefined)}>
            {i18n.t('staff.cancel')}
          </button>
        </div>
      )}
      {outcome && (
        <p role="status" data-testid="mission-command-result">
          {i18n.t('console.command_result', { command: outcome.command, ok: outcome.error ? 'no' : 'yes' })}
        </p>
      )}
      <ErrorNote error={outcome?.error} />
      <h3>{i18n.t('console.queue_title')}</h3>
      {waiting.length === 0 ? (
        <p>{i18n.t('console.queue_empty')}</p>
      ) : (
        <ol className="mission-queue">
          {waiting.map((m) => (
            <li key={m.mission_id}>
              {i18n.t('console.mission_to', { kind: kindWords(m), place: props.placeName(m.place) })} ·{' '}
              {i18n.t('console.queue_wait', { seconds: Math.round(m.eta_s) })}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
