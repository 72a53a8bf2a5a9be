import type { EventEmitter } from 'node:events';
import type { Pose } from './geometry.ts';

/**
 * Where the robot is on the site map. Today: dead reckoning (`DeadReckoningLocalization`), the base's
 * odometry anchored to a known place; later a lidar localizer can implement the same interface.
 *
 * Rules every implementation keeps:
 * - **Map frame out.** `pose` and everything the bridge publishes (`robot:state`, `mission:update`) are in
 *   the map frame. The base's odometry starts at (0, 0, 0) where it booted; nothing outside this seam ever
 *   publishes an odometry-frame pose.
 * - **Odometry frame in.** The base drives in its own frame: `toOdom` turns map-frame targets (FOLLOW_PATH
 *   waypoints) into it, `toMap` turns odometry samples back. Both are exact inverses of each other.
 * - **Anchoring.** Until anchored, `pose` is undefined and nothing may drive. The first anchor comes from
 *   the start place (home or the dock), from the persisted anchor after a bridge restart (same base boot),
 *   or from the last known map pose after a base reboot (odometry restarted at 0 where the robot stood).
 *   `anchor()` is staff's "the robot is here": it takes effect at the next odometry sample.
 * - **Continuity.** A base reboot or a bridge restart never makes the published pose jump by itself.
 */
export interface Localization extends EventEmitter<LocalizationEvents> {
  /** Latest robot pose in the map frame; undefined until anchored and odometry was seen. */
  readonly pose: Pose | undefined;
  /** How the current anchor was made: `start:home`, `persisted`, `last_known`, `staff:<who>`. */
  readonly anchorSource: string | undefined;
  toMap(odom: Pose): Pose;
  toOdom(map: Pose): Pose;
  /** The robot is at `map` now (staff re-anchor). */
  anchor(map: Pose, source: string): void;
  close(): void;
}

export interface LocalizationEvents {
  /** A new map-frame pose (every odometry sample once anchored). */
  pose: [Pose];
  /** The anchor changed (start, restart, reboot, staff). */
  anchored: [{ source: string; pose: Pose }];
}

/** What dead reckoning keeps across bridge restarts. */
export interface AnchorRecord {
  /** Boot id of the base the transform belongs to (its odometry frame). */
  bootId: number | null;
  /** Odometry frame in the map frame: map = transform ⊕ odom. */
  transform: Pose;
  /** Last known map-frame pose, to re-anchor after a base reboot. */
  lastPose: Pose | null;
  source: string;
}

/** Storage for the anchor (the mission store implements it). */
export interface AnchorStore {
  loadAnchor(): AnchorRecord | undefined;
  saveAnchor(record: AnchorRecord): void;
}
