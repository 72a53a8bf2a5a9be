import { translator } from '@reception/i18n';
import type { MissionUpdate, RobotMap, RobotState } from '@reception/protocol';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TranslatorProvider } from '../shared/staff-i18n.tsx';
import type { StaffSocket } from '../shared/use-staff-socket.ts';
import { MissionPanel } from './mission-panel.tsx';
import { RobotMapView } from './robot-map.tsx';

const vi = translator('vi', 'Asia/Ho_Chi_Minh');
const html = (el: ReactElement) =>
  renderToStaticMarkup(<TranslatorProvider value={vi}>{el}</TranslatorProvider>);

const map: RobotMap = {
  map_version: '1:abc',
  floor: { id: 'g', name: 'Ground' },
  image: 'data:image/png;base64,',
  origin: { x: 0, y: 0 },
  resolution: 0.05,
  width_m: 20,
  height_m: 10,
  places: [
    {
      id: 'home',
      kind: 'home',
      name: 'Home',
      x: 2,
      y: 2,
      approach: { x: 2, y: 2, theta: 0 },
      guidable: false,
    },
  ],
  zones: [],
  home: 'home',
  dock: 'dock',
};
const state = (patch: Partial<RobotState>): RobotState => ({
  link: 'up',
  firmware: '1.0.0',
  mode: 'IDLE',
  estop_latched: false,
  pose: null,
  velocity: null,
  battery: null,
  safety: [],
  updated_at: '2026-12-06T05:00:00.000Z',
  ...patch,
});
const mapView = (s: RobotState) =>
  html(
    <RobotMapView
      map={map}
      state={s}
      path={undefined}
      mode="send"
      placeName={(p) => p.name}
      placeBadge={() => undefined}
      onPlace={() => undefined}
      onPoint={() => undefined}
    />,
  );

describe('console views', () => {
  it('never draws the robot at 0,0 before its pose is known, and says where it is not known', () => {
    const unknown = mapView(state({ pose: null }));
    expect(unknown).not.toContain('data-testid="map-robot"');
    expect(unknown).toContain(vi.t('console.pose_unknown').slice(0, 30));
    const known = mapView(state({ pose: { x: 3.5, y: 4, theta: Math.PI / 2 } }));
    expect(known).toContain('data-testid="map-robot" data-x="3.50" data-y="4.00"');
    expect(known).toContain('translate(3.5 -4) rotate(-90)');
    expect(known).not.toContain(vi.t('console.pose_unknown').slice(0, 30));
  });

  it('tells why the robot waits and why a trip stopped in words, never as a reason code', () => {
    const current: MissionUpdate = {
      mission_id: '0193a7d0-0000-7000-8000-000000000001',
      kind: 'guide',
      state: 'paused',
      reason: 'link_lost',
      place: 'counter_3',
      remaining_m: 4.2,
      eta_s: 9,
      queue_position: 0,
      ticket: null,
      at: '2026-12-06T05:00:00.000Z',
    };
    const out = html(
      <MissionPanel
        socket={undefined as unknown as StaffSocket}
        state={state({
          activity: {
            state: 'FAULT',
            mission_id: null,
            reason: 'motor_fault',
            needs_staff: true,
            at_home: false,
            battery_low: false,
            anchor: 'start:home',
          },
        })}
        current={current}
        waiting={[]}
        placeName={() => 'Quầy 3'}
        mode="send"
        setMode={() => undefined}
        pending={undefined}
        setPending={() => undefined}
        may={() => true}
      />,
    );
    const text = out.replace(/<[^>]+>/g, ' ');
    expect(text).not.toMatch(/link_lost|motor_fault|FAULT|paused|guide\b/);
    expect(out).toContain(vi.t('console.reason', { reason: 'link_lost' }));
    expect(out).toContain(
      vi.t('console.needs_staff', { reason: vi.t('console.reason', { reason: 'motor_fault' }) }),
    );
    expect(out).toContain(vi.t('console.mission_state', { state: 'paused' }));
  });
});
