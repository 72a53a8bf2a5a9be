import type { MissionUpdate, RobotState } from '@reception/protocol';
import { describe, expect, it } from 'vitest';
import { missionLine, robotAlerts, splitRoute, trackMission } from './robot-live.ts';

const update = (
  id: string,
  state: MissionUpdate['state'],
  queue_position = 0,
  reason?: MissionUpdate['reason'],
) =>
  ({
    mission_id: id,
    kind: 'guide',
    state,
    ...(reason ? { reason } : {}),
    place: 'counter-1',
    remaining_m: 3,
    eta_s: 5,
    queue_position,
    ticket: null,
    at: '2026-12-06T05:00:00.000Z',
  }) satisfies MissionUpdate;

const robot = (patch: Partial<RobotState>): RobotState => ({
  link: 'up',
  firmware: 'fw',
  mode: 'IDLE',
  estop_latched: false,
  pose: { x: 1, y: 1, theta: 0 },
  velocity: null,
  battery: null,
  safety: [],
  updated_at: '2026-12-06T05:00:00.000Z',
  ...patch,
});

describe('console robot view', () => {
  it('cuts the route at the robot: driven part behind, the rest ahead', () => {
    const points: [number, number][] = [
      [0, 0],
      [2, 0],
      [2, 2],
    ];
    expect(splitRoute(points, { x: 2.1, y: 1 })).toEqual({
      done: [
        [0, 0],
        [2, 0],
        [2.1, 1],
      ],
      ahead: [
        [2.1, 1],
        [2, 2],
      ],
    });
    expect(splitRoute(points, null)).toEqual({ done: [], ahead: points });
  });

  it('keeps open missions in queue order and drops them once they end', () => {
    let open = trackMission(new Map(), update('a', 'guiding'));
    open = trackMission(open, update('b', 'queued', 1));
    expect(missionLine(open).current?.mission_id).toBe('a');
    expect(missionLine(open).waiting.map((m) => m.mission_id)).toEqual(['b']);
    open = trackMission(open, update('a', 'completed'));
    open = trackMission(open, update('b', 'travelling', 0));
    expect(missionLine(open)).toEqual({ current: update('b', 'travelling', 0), waiting: [] });
  });

  it('raises alerts from the robot, failed trips and system problems; no lost link without a robot', () => {
    expect(robotAlerts(robot({ link: 'absent', pose: null }), undefined, undefined)).toEqual([]);
    expect(robotAlerts(robot({ link: 'connecting', firmware: null }), undefined, undefined)).toEqual([]);
    expect(robotAlerts(robot({ link: 'connecting' }), undefined, undefined).map((a) => a.kind)).toEqual([
      'link_lost',
    ]);
    const kinds = robotAlerts(
      robot({ estop_latched: true, link: 'disconnected' }),
      {
        problems: [{ kind: 'printer_paper_out', since: '2026-12-06T05:00:00.000Z', detail: 'x' }],
        at: '2026-12-06T05:00:00.000Z',
      },
      update('a', 'guiding', 0, 'blocked'),
      [update('c', 'failed', 0, 'stuck'), update('d', 'failed', 0, 'unreachable')],
    ).map((a) => a.kind);
    expect(kinds).toEqual(['estop', 'link_lost', 'blocked', 'stuck', 'mission_failed', 'printer_paper_out']);
  });
});
