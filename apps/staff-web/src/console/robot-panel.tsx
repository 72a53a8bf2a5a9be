import { ESTOP_RESET_CONFIRMATION, type Permission, type Result, type RobotState } from '@reception/protocol';
import { useState } from 'react';
import { ErrorNote, type StaffError } from '../shared/staff-error.tsx';
import { useTranslator } from '../shared/staff-i18n.tsx';
import type { StaffSocket } from '../shared/use-staff-socket.ts';

type Command = 'estop' | 'stop' | 'estop_reset';

/**
 * The robot at a glance and the commands staff may always give: emergency stop (one click, latched in the
 * firmware), stop, and the e-stop reset, which needs a second, deliberate confirmation. States and events
 * are shown in the staff member's language; `data-value` keeps the firmware's own name for tests and
 * support.
 */
export function RobotPanel({
  socket,
  state,
  may,
}: {
  socket: StaffSocket;
  state: RobotState | undefined;
  /** What this person may do (the bridge refuses the rest with FORBIDDEN; the page only hides it). */
  may: (p: Permission) => boolean;
}) {
  const i18n = useTranslator();
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<{ command: Command; error?: StaffError }>();

  const run = async (command: Command, send: () => Promise<Result<unknown>>) => {
    setOutcome(undefined);
    const r = await send();
    setOutcome(r.ok ? { command } : { command, error: { code: r.error.code, detail: r.error.message } });
  };

  if (!state) return <section className="robot">{i18n.t('staff.robot_loading')}</section>;
  const latched = state.estop_latched === true;
  return (
    <section className="robot" aria-label={i18n.t('staff.robot')}>
      <h2>{i18n.t('staff.robot')}</h2>
      <dl>
        <dt>{i18n.t('staff.robot_link')}</dt>
        <dd data-testid="robot-link" data-value={state.link}>
          {i18n.t('staff.link_state', { link: state.link })}
        </dd>
        <dt>{i18n.t('staff.robot_mode')}</dt>
        <dd data-testid="robot-mode" data-value={state.mode ?? ''}>
          {state.mode ? i18n.t('staff.mode_state', { mode: state.mode }) : '—'}
        </dd>
        <dt>{i18n.t('staff.robot_battery')}</dt>
        <dd>
          {state.battery
            ? i18n.t('staff.battery_level', {
                level: state.battery.soc_pct / 100,
                charging: state.battery.charging ? 'yes' : 'no',
              })
            : '—'}
        </dd>
        <dt>{i18n.t('staff.robot_position')}</dt>
        <dd>{state.pose ? i18n.t('staff.position_value', { x: state.pose.x, y: state.pose.y }) : '—'}</dd>
        <dt>{i18n.t('staff.robot_firmware')}</dt>
        <dd>{state.firmware ?? '—'}</dd>
      </dl>
      {latched && (
        <p className="estop-latched" role="status">
          {i18n.t('staff.estop_latched')}
        </p>
      )}
      <div className="actions">
        <button
          className="estop"
          disabled={state.link === 'absent'}
          onClick={() => void run('estop', () => socket.emitWithAck('robot:estop', {}))}
        >
          {i18n.t('staff.estop_button')}
        </button>
        <button
          className="secondary"
          disabled={state.link !== 'up'}
          onClick={() => void run('stop', () => socket.emitWithAck('robot:stop', {}))}
        >
          {i18n.t('staff.stop_button')}
        </button>
        {latched && !confirming && may('robot.estop_reset') && (
          <button className="secondary" onClick={() => setConfirming(true)}>
            {i18n.t('staff.estop_reset_button')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-label={i18n.t('staff.estop_reset_dialog')}>
          <p>{i18n.t('staff.estop_reset_question')}</p>
          <button
            onClick={() => {
              setConfirming(false);
              void run('estop_reset', () =>
                socket.emitWithAck('robot:estop_reset', { confirm: ESTOP_RESET_CONFIRMATION }),
              );
            }}
          >
            {i18n.t('staff.estop_reset_yes')}
          </button>
          <button className="secondary" onClick={() => setConfirming(false)}>
            {i18n.t('staff.cancel')}
          </button>
        </div>
      )}
      {outcome && (
        <p role="status">
          {i18n.t('staff.command_result', { command: outcome.command, ok: outcome.error ? 'no' : 'yes' })}
        </p>
      )}
      <ErrorNote error={outcome?.error} />
      {state.safety.length > 0 && (
        <>
          <h3>{i18n.t('staff.safety_heading')}</h3>
          <ul>
            {state.safety.map((e) => (
              <li key={`${e.at}-${e.kind}`}>
                <time dateTime={e.at}>{i18n.time(e.at, true)}</time>{' '}
                {i18n.t('staff.safety_event', { kind: e.kind, active: e.active ? 'yes' : 'no' })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
