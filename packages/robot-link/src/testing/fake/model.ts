/**
 * The reference base's geometry and limits, as the firmware configures them
 * (hardware/firmware/core/include/robot/config.h) and the host simulator's world adds (host/sim.h), with
 * the small numeric helpers of its control code (core/src/motion.cpp).
 */
export const BASE = {
  trackM: 0.4,
  hardMaxLinear: 1.2,
  hardMaxAngular: 1.5,
  defaultMaxLinear: 0.7,
  defaultMaxAngular: 1.0,
  accel: 0.5,
  decel: 1.0,
  /** Controlled stop: STOP, watchdogs, obstacle. */
  stopDecel: 2.5,
  angularAccel: 2.0,
  angularStop: 6.0,
  controlPeriodMs: 10,
  odomPeriodMs: 20,
  batteryPeriodMs: 1000,
  obstacleStop: 0.35,
  /** The obstacle flag clears 10 cm beyond the stop distance (hysteresis). */
  obstacleRelease: 0.45,
  obstacleSlow: 1.0,
  arrivalTolerance: 0.25,
  lookaheadMin: 0.3,
  lookaheadMax: 0.8,
  lookaheadGain: 1.0,
  rotateInPlace: 1.0,
  dockSpeed: 0.08,
  dockMaxDistance: 0.6,
  undockSpeed: 0.15,
  undockDistance: 0.35,
  /** Wheel speed at full PWM: motor current is proportional to the share of it. */
  maxWheelSpeed: 1.6,
  /** Unpowered wheels coast to a stop with this time constant (the simulator's world). */
  brakeTauS: 0.08,
  batteryCapacityAh: 20,
  lowBatteryPct: 15,
  heartbeatWatchdogMs: 500,
  velocityWatchdogMs: 250,
} as const;

export interface Pose {
  x: number;
  y: number;
  theta: number;
}

export const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

export function wrapAngle(a: number): number {
  let r = a;
  while (r > Math.PI) r -= 2 * Math.PI;
  while (r < -Math.PI) r += 2 * Math.PI;
  return r;
}

/** Moves `current` toward `target`: `up` limits growth of |value|, `down` its decay (also through zero). */
export function approach(current: number, target: number, up: number, down: number, dt: number): number {
  const away = (target > current && current >= 0) || (target < current && current <= 0);
  const step = (away ? up : down) * dt;
  if (target > current) return target - current > step ? current + step : target;
  return current - target > step ? current - step : target;
}

/** A wire i16 the way the firmware's clamp16 makes one. */
export const clamp16 = (v: number): number => clamp(Math.round(v), -32768, 32767);
