import {
  ESTOP_RESET_CONFIRMATION,
  type RobotState,
  type StaffClientEvents,
  type StaffServerEvents,
} from '@reception/protocol';
import { useEffect, useState } from 'react';
import type { Socket } from 'socket.io-client';

type StaffSocket = Socket<StaffServerEvents, StaffClientEvents>;

const pct = (n: number) => `${Math.round(n)}%`;

/**
 * The robot at a glance and the commands staff may always give: emergency stop (one click, latched in the
 * firmware), stop, and the e-stop reset, which needs a second, deliberate confirmation.
 */
export function RobotPanel({ socket, connected }: { socket: StaffSocket; connected: boolean }) {
  const [state, setState] = useState<RobotState>();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    const onState = (s: RobotState) => setState(s);
    socket.on('robot:state', onState);
    if (connected) {
      void socket.emitWithAck('robot:get', {}).then((r) => {
        if (r.ok) setState(r.value);
      });
    }
    return () => {
      socket.off('robot:state', onState);
    };
  }, [socket, connected]);

  const run = async (what: string, send: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    setMessage(undefined);
    const r = await send();
    setMessage(r.ok ? `${what}: done` : `${what} failed: ${r.error?.message ?? 'unknown error'}`);
  };

  if (!state) return <section className="robot">Robot: loading…</section>;
  const latched = state.estop_latched === true;
  return (
    <section className="robot" aria-label="Robot">
      <h2>Robot</h2>
      <dl>
        <dt>Link</dt>
        <dd data-testid="robot-link">{state.link}</dd>
        <dt>Mode</dt>
        <dd data-testid="robot-mode">{state.mode ?? '—'}</dd>
        <dt>Battery</dt>
        <dd>
          {state.battery
            ? `${pct(state.battery.soc_pct)}${state.battery.charging ? ' (charging)' : ''}`
            : '—'}
        </dd>
        <dt>Position</dt>
        <dd>{state.pose ? `x ${state.pose.x.toFixed(2)} m, y ${state.pose.y.toFixed(2)} m` : '—'}</dd>
        <dt>Firmware</dt>
        <dd>{state.firmware ?? '—'}</dd>
      </dl>
      {latched && (
        <p className="estop-latched" role="status">
          Emergency stop is latched: the robot will not move until it is reset.
        </p>
      )}
      <div className="actions">
        <button
          className="estop"
          disabled={state.link === 'absent'}
          onClick={() => void run('Emergency stop', () => socket.emitWithAck('robot:estop', {}))}
        >
          EMERGENCY STOP
        </button>
        <button
          className="secondary"
          disabled={state.link !== 'up'}
          onClick={() => void run('Stop', () => socket.emitWithAck('robot:stop', {}))}
        >
          Stop
        </button>
        {latched && !confirming && (
          <button className="secondary" onClick={() => setConfirming(true)}>
            Reset e-stop…
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-label="Confirm e-stop reset">
          <p>
            Check that the area around the robot is clear and nobody is touching it. Reset the emergency stop?
          </p>
          <button
            onClick={() => {
              setConfirming(false);
              void run('E-stop reset', () =>
                socket.emitWithAck('robot:estop_reset', { confirm: ESTOP_RESET_CONFIRMATION }),
              );
            }}
          >
            Yes, the area is clear: reset
          </button>
          <button className="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      {message && <p role="status">{message}</p>}
      {state.safety.length > 0 && (
        <>
          <h3>Recent safety events</h3>
          <ul>
            {state.safety.map((e) => (
              <li key={`${e.at}-${e.kind}`}>
                {new Date(e.at).toLocaleTimeString()} {e.kind} {e.active ? 'active' : 'cleared'}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
