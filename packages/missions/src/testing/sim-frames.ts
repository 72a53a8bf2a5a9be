import { compose, inverse, type Pose } from '../geometry.ts';

/**
 * The host simulator's world frame is its odometry frame at boot, i.e. the robot's start pose on the map.
 * These turn map-frame poses into that frame (for `obstacle_at` and `--dock`) when the robot starts at
 * `start` (the map pose the bridge anchors it to).
 */
export function mapToWorld(start: Pose, map: Pose): Pose {
  return compose(inverse(start), map);
}

/** `--dock X,Y,THETA` for the simulator so that its dock is where the map's dock is. */
export function simDockArgs(start: Pose, dock: Pose): string[] {
  const d = mapToWorld(start, dock);
  return ['--dock', `${d.x.toFixed(3)},${d.y.toFixed(3)},${d.theta.toFixed(4)}`];
}
