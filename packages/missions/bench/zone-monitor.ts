import type { SiteMap } from '@reception/nav';
import type { SimProcess } from '@reception/robot-link/testing';
import { compose, pointInPolygon, type Pose } from '../src/geometry.ts';

/** One sample of what the firmware reports (the simulator's `state`: odometry and measured speed). */
export interface FirmwareSample {
  t: number;
  /** Odometry pose in the map frame (the odometry frame is anchored at the start place). */
  pose: Pose;
  v: number;
  mode: string;
  wheels: { left: number; right: number };
  estop: boolean;
}

export interface MonitorReport {
  samples: number;
  keepout_entries: number;
  speed_cap_violations: number;
  /** Largest measured speed above a slow zone's cap, m/s (0 when never above). */
  max_overspeed_mps: number;
  /** Worst speed seen anywhere (hard limit 1.2 m/s). */
  max_speed_mps: number;
}

/**
 * Watches the robot independently of the mission engine: polls the simulator's control channel for the
 * pose and speed the firmware itself reports, and checks them against the site's zones: the robot's
 * centre inside a keepout polygon is a keepout entry; its measured speed above a slow zone's cap (plus
 * `toleranceMps` for the wheel controller's ripple) while its centre is inside that zone is a speed-cap
 * violation. Each is counted once per episode (consecutive samples count once).
 */
export class ZoneMonitor {
  private timer: NodeJS.Timeout | undefined;
  private busy = false;
  private inKeepout = false;
  private overCap = false;
  latest: FirmwareSample | undefined;
  readonly report: MonitorReport = {
    samples: 0,
    keepout_entries: 0,
    speed_cap_violations: 0,
    max_overspeed_mps: 0,
    max_speed_mps: 0,
  };

  constructor(
    private readonly sim: SimProcess,
    private readonly map: SiteMap,
    private readonly start: Pose,
    private readonly toleranceMps = 0.03,
  ) {}

  begin(intervalMs = 50): void {
    this.timer = setInterval(() => void this.poll(), intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One fresh sample now (also used to measure arrival). */
  async sample(): Promise<FirmwareSample> {
    const s = await this.sim.control({ cmd: 'state' });
    const odom = s.odom as { x: number; y: number; theta: number; v: number };
    const wheels = s.wheels as { left: number; right: number };
    const sample: FirmwareSample = {
      t: performance.now(),
      pose: compose(this.start, odom),
      v: odom.v,
      mode: String(s.mode),
      wheels,
      estop: s.estop_latched === true,
    };
    this.latest = sample;
    return sample;
  }

  private async poll(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      this.check(await this.sample());
    } catch {
      // The simulator is restarting or gone: nothing to check.
    } finally {
      this.busy = false;
    }
  }

  private check(s: FirmwareSample): void {
    const r = this.report;
    r.samples++;
    r.max_speed_mps = Math.max(r.max_speed_mps, Math.abs(s.v));
    let keepout = false;
    let over = 0;
    for (const z of this.map.zones) {
      if (!pointInPolygon(s.pose.x, s.pose.y, z.polygon)) continue;
      if (z.kind === 'keepout') keepout = true;
      if (z.kind === 'slow') over = Math.max(over, Math.abs(s.v) - z.speedLimit);
    }
    if (keepout && !this.inKeepout) r.keepout_entries++;
    this.inKeepout = keepout;
    r.max_overspeed_mps = Math.max(r.max_overspeed_mps, over);
    const violating = over > this.toleranceMps;
    if (violating && !this.overCap) r.speed_cap_violations++;
    this.overCap = violating;
  }
}
