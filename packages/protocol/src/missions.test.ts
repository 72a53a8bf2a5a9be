import { describe, expect, it } from 'vitest';
import { anchorRobotSchema, guideRequestSchema, missionListSchema } from './missions.ts';

describe('mission request schemas', () => {
  it('take place ids, never coordinates or oversized strings', () => {
    expect(guideRequestSchema.safeParse({ place: 'counter_3' }).success).toBe(true);
    expect(guideRequestSchema.safeParse({ place: { x: 1, y: 2 } }).success).toBe(false);
    expect(guideRequestSchema.safeParse({ place: '10.25,14.1' }).success).toBe(false);
    expect(guideRequestSchema.safeParse({ place: 'a'.repeat(65) }).success).toBe(false);
    expect(guideRequestSchema.safeParse({ place: 'counter_3', extra: 1 }).success).toBe(false);
    expect(guideRequestSchema.safeParse({ place: 'counter_3', ticket_id: 'A012' }).success).toBe(false);
  });
  it('anchor at a place or at a finite map pose', () => {
    expect(anchorRobotSchema.safeParse({ place: 'home' }).success).toBe(true);
    expect(anchorRobotSchema.safeParse({ pose: { x: 1, y: 2, theta: 0 } }).success).toBe(true);
    expect(anchorRobotSchema.safeParse({ pose: { x: 1, y: Infinity, theta: 0 } }).success).toBe(false);
    expect(anchorRobotSchema.safeParse({ place: 'home', pose: { x: 1, y: 2, theta: 0 } }).success).toBe(
      false,
    );
  });
  it('bound the history query', () => {
    expect(missionListSchema.parse({})).toEqual({ limit: 50 });
    expect(missionListSchema.safeParse({ limit: 501 }).success).toBe(false);
    expect(missionListSchema.safeParse({ since: 'yesterday' }).success).toBe(false);
    expect(missionListSchema.safeParse({ reason: 'gremlins' }).success).toBe(false);
  });
});
