// Robot missions with the real bridge and the real firmware (host build on a pty). Every check reads the
// pose the firmware reports (the simulator's control channel), not what the engine intended. The mission
// tests are split over three files (one robot each) so that they drive side by side.
import { describe, expect, it } from 'vitest';
import { HOME, useMissionRig } from './harness/mission-rig.ts';
import { demoPlace, eventually, standsStill, collectUpdates } from './harness/robot.ts';

const { rig, fw, lastOf, waitFor, atHome, guide, recall } = useMissionRig();

describe('robot missions against the firmware: escort and e-stop', () => {
  it('e-stop mid-trip: stays latched, the mission fails `estop` and does not resume after the reset', async () => {
    const id = await guide('counter_2');
    await waitFor(id, 'guiding');
    await new Promise((r) => setTimeout(r, 4000));
    expect((await rig.staff.emitWithAck('robot:estop', {})).ok).toBe(true);
    await eventually('rig.kiosk told', () => (lastOf(id)?.state === 'failed' ? true : undefined), 5000);
    expect(lastOf(id)?.reason).toBe('estop');
    // Motor power is cut at once; the robot rolls to a standstill within a fraction of a second.
    await new Promise((r) => setTimeout(r, 1000));
    expect((await standsStill(rig.sim, HOME, 2000)).moved).toBeLessThan(0.02);
    expect((await fw()).estop).toBe(true);
    expect((await rig.staff.emitWithAck('robot:estop_reset', { confirm: 'RESET_ESTOP' })).ok).toBe(true);
    expect((await standsStill(rig.sim, HOME, 4000)).moved).toBeLessThan(0.02);
    expect(lastOf(id)?.state).toBe('failed');
    const r = await rig.staff.emitWithAck('robot:get', {});
    expect(r.ok && r.value.activity).toMatchObject({ needs_staff: true, reason: 'estop' });
    await recall();
    await atHome();
  }, 180_000);

  it('call-ahead escort: a called elderly ticket is fetched from the waiting area and guided to counter 3', async () => {
    const issued = await rig.kiosk.emitWithAck('ticket:issue', {
      service_id: 'certified_copy',
      idempotency_key: crypto.randomUUID(),
      priority: { class_id: 'elderly' },
      language: 'vi',
      print: false,
    });
    if (!issued.ok) throw new Error(issued.error.message);
    expect((await rig.staff.emitWithAck('counter:open', { counter_id: 'counter_3' })).ok).toBe(true);
    const called = await rig.staff.emitWithAck('counter:call_next', { counter_id: 'counter_3' });
    expect(called.ok && called.value.ticket?.id).toBe(issued.value.ticket.id);
    const screenUpdates = collectUpdates(rig.screen);
    const escort = await eventually('escort', () =>
      rig.staffUpdates.find((u) => u.kind === 'escort' && u.ticket?.ticket_id === issued.value.ticket.id),
    );
    expect(escort.ticket).toMatchObject({
      number: issued.value.ticket.number,
      language: 'vi',
      counter_number: 3,
    });
    await waitFor(escort.mission_id, 'calling', 120_000, screenUpdates);
    const fetchPose = await fw();
    const wa = demoPlace('waiting_area');
    expect(Math.hypot(fetchPose.pose.x - wa.x, fetchPose.pose.y - wa.y)).toBeLessThanOrEqual(0.25);
    expect((await rig.screen.emitWithAck('mission:confirm', { mission_id: escort.mission_id })).ok).toBe(
      true,
    );
    await waitFor(escort.mission_id, 'arrived', 120_000, screenUpdates);
    const at = await fw();
    const c3 = demoPlace('counter_3');
    expect(Math.hypot(at.pose.x - c3.x, at.pose.y - c3.y)).toBeLessThanOrEqual(0.25);
    await waitFor(escort.mission_id, 'completed', 120_000, rig.staffUpdates);
    await atHome();
  }, 300_000);
});
