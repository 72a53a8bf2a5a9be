import { EventEmitter } from 'node:events';
import type { Odometry, RobotBase } from '@reception/robot-link';
import type { Clock } from './clock.ts';
import { compose, inverse, type Pose } from './geometry.ts';
import type { AnchorRecord, AnchorStore, Localization, LocalizationEvents } from './localization.ts';

const IDENTITY: Pose = { x: 0, y: 0, theta: 0 };

/**
 * Dead reckoning: map = transform ⊕ odometry, the transform fixed when anchored. Anchors (see
 * `Localization`): the start place on a fresh install; the persisted transform when the base's boot id is
 * the one it was made for; the last known pose when the base rebooted (its odometry restarted where the
 * robot stood); staff's re-anchor at any time. The record is saved on every anchor and at most once a
 * second while the robot moves (not while it stands), so a restart loses at most a second of `lastPose`.
 */
export class DeadReckoningLocalization extends EventEmitter<LocalizationEvents> implements Localization {
  private transform: Pose | undefined;
  private current: Pose | undefined;
  private pending: { pose: Pose; source: string } | undefined;
  private source: string | undefined;
  private lastOdom: Pose | undefined;
  private lastSavedAt = -Infinity;
  private lastSaved: Pose | undefined;
  private readonly persisted: AnchorRecord | undefined;
  private started = false;
  /** Boot id of the base whose odometry frame `transform` belongs to. */
  private transformBootId: number | undefined;
  private readonly onOdometry = (o: Odometry) => this.odometry(o);

  constructor(
    private readonly base: RobotBase,
    private readonly start: { pose: Pose; source: string },
    private readonly store: AnchorStore,
    private readonly clock: Clock,
  ) {
    super();
    this.persisted = store.loadAnchor();
    base.on('odometry', this.onOdometry);
  }

  get pose(): Pose | undefined {
    return this.current;
  }

  get anchorSource(): string | undefined {
    return this.source;
  }

  toMap(odom: Pose): Pose {
    return compose(this.transform ?? IDENTITY, odom);
  }

  toOdom(map: Pose): Pose {
    return compose(inverse(this.transform ?? IDENTITY), map);
  }

  anchor(map: Pose, source: string): void {
    this.pending = { pose: map, source };
    if (this.lastOdom) this.apply(this.lastOdom);
  }

  close(): void {
    this.base.off('odometry', this.onOdometry);
    this.save(true);
  }

  private odometry(o: Odometry): void {
    // Only odometry of a handshaken base: its boot id says which odometry frame the sample is in (a rebooted
    // base sends ODOM from 0 before the handshake tells us it rebooted).
    if (this.base.state !== 'up' || !this.base.info) return;
    const bootId = this.base.info.bootId;
    if (this.transform && bootId !== this.transformBootId) {
      // The base rebooted: its odometry restarted at 0 where the robot stood, which is where we last saw it.
      this.transform = undefined;
      this.lastOdom = undefined;
      this.pending = { pose: this.current ?? this.start.pose, source: 'last_known' };
    }
    const odom = { x: o.x, y: o.y, theta: o.theta };
    if (!this.started) {
      this.started = true;
      this.pending ??= this.firstAnchor();
      if (this.pending.source === 'persisted' && this.persisted) {
        this.transform = this.persisted.transform;
        this.transformBootId = bootId;
        this.source = 'persisted';
        this.pending = undefined;
        this.emit('anchored', { source: 'persisted', pose: this.toMap(odom) });
      }
    }
    this.lastOdom = odom;
    this.apply(odom);
  }

  private firstAnchor(): { pose: Pose; source: string } {
    const rec = this.persisted;
    const bootId = this.base.info?.bootId ?? null;
    if (rec && rec.bootId !== null && rec.bootId === bootId) return { pose: IDENTITY, source: 'persisted' };
    if (rec?.lastPose) return { pose: rec.lastPose, source: 'last_known' };
    return this.start;
  }

  private apply(odom: Pose): void {
    const p = this.pending;
    if (p) {
      this.pending = undefined;
      this.transform = compose(p.pose, inverse(odom));
      this.transformBootId = this.base.info?.bootId;
      this.source = p.source;
      this.current = this.toMap(odom);
      this.save(true);
      this.emit('anchored', { source: p.source, pose: this.current });
    }
    if (!this.transform) return;
    this.current = this.toMap(odom);
    this.save(false);
    this.emit('pose', this.current);
  }

  private save(force: boolean): void {
    if (!this.transform || this.source === undefined) return;
    const now = this.clock.now();
    const p = this.current;
    const moved =
      p && this.lastSaved
        ? Math.hypot(p.x - this.lastSaved.x, p.y - this.lastSaved.y) +
          Math.abs(p.theta - this.lastSaved.theta)
        : Infinity;
    if (!force && (now - this.lastSavedAt < 1000 || moved < 0.01)) return;
    this.lastSavedAt = now;
    this.lastSaved = p;
    this.store.saveAnchor({
      bootId: this.transformBootId ?? null,
      transform: this.transform,
      lastPose: this.current ?? null,
      source: this.source,
    });
  }
}
