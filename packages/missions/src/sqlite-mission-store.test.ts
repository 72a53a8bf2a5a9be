import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MissionRow } from './mission-store.ts';
import { SqliteMissionStore } from './sqlite-mission-store.ts';

const row = (id: string, over: Partial<MissionRow> = {}): MissionRow => ({
  id,
  kind: 'guide',
  state: 'queued',
  reason: null,
  place: 'counter_3',
  ticket: null,
  requestedBy: 'kiosk:demo',
  createdAt: Date.parse('2026-03-02T01:00:00Z'),
  startedAt: null,
  arrivedAt: null,
  endedAt: null,
  arrivalErrorM: null,
  arrivalHeadingErrorRad: null,
  replans: 0,
  ...over,
});

describe('SqliteMissionStore', () => {
  it('keeps missions, events and the anchor across reopening; lists newest first with filters', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'missions-store-'));
    const file = path.join(dir, 'missions.sqlite');
    try {
      const a = new SqliteMissionStore(file);
      a.insert(row('m1'));
      a.insert(row('m2', { kind: 'recall', place: 'home', createdAt: Date.parse('2026-03-02T02:00:00Z') }));
      a.update('m1', { state: 'failed', reason: 'blocked', replans: 2 });
      a.addEvent('m1', {
        at: Date.parse('2026-03-02T01:00:05Z'),
        state: 'guiding',
        reason: null,
        detail: null,
      });
      a.saveAnchor({ bootId: 7, transform: { x: 1, y: 2, theta: 3 }, lastPose: null, source: 'start:home' });
      a.addEscortRequest('t1', 'kiosk:demo', 0);
      a.close();
      const b = new SqliteMissionStore(file);
      expect(b.openMissions().map((m) => m.id)).toEqual(['m2']);
      expect(b.list({ limit: 10 }).map((m) => m.mission_id)).toEqual(['m2', 'm1']);
      expect(b.list({ reason: 'blocked', limit: 10 })).toMatchObject([
        { mission_id: 'm1', state: 'failed', replans: 2 },
      ]);
      expect(b.list({ since: '2026-03-02T01:30:00Z', limit: 10 }).map((m) => m.mission_id)).toEqual(['m2']);
      expect(b.get('m1')?.events).toMatchObject([{ state: 'guiding' }]);
      expect(b.loadAnchor()).toMatchObject({ bootId: 7, source: 'start:home' });
      expect(b.hasEscortRequest('t1')).toBe(true);
      expect(b.hasEscortRequest('t2')).toBe(false);
      b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
