/**
 * The reference 8S LiFePO4 pack as the host simulator models it (host/sim.cpp, core/src/battery.cpp):
 * 0.6 A for the electronics plus motor current in proportion to wheel speed, 6 A from the dock's contacts
 * tapering above 95 %, voltage from the open-circuit curve plus the internal resistance. The reported
 * state of charge is the true one (the firmware estimates it by coulomb counting, which tracks it).
 */
import type { BatteryPayload } from '../../messages.generated.ts';
import { BASE, clamp } from './model.ts';

// Pack volts at soc 0, 0.05, 0.1, 0.2 ... 1.0 (typical LiFePO4 discharge plateau).
const OCV = [20.0, 24.0, 25.6, 25.9, 26.1, 26.2, 26.3, 26.4, 26.6, 26.8, 27.0, 27.6];
const SOC = [0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

export function packOcv(soc: number): number {
  if (soc <= 0) return OCV[0] ?? 0;
  for (let i = 1; i < SOC.length; i++) {
    const hi = SOC[i] ?? 1;
    const lo = SOC[i - 1] ?? 0;
    if (soc <= hi) return (OCV[i - 1] ?? 0) + ((soc - lo) / (hi - lo)) * ((OCV[i] ?? 0) - (OCV[i - 1] ?? 0));
  }
  return OCV[OCV.length - 1] ?? 0;
}

export class BatteryModel {
  private socFraction: number;
  private currentA = 0;
  private lowFlag: boolean;
  private lowEdge: boolean;

  /** `drain` multiplies the discharge current (benches and tests shorten battery life with it). */
  constructor(
    startPct: number,
    private readonly drain: number,
  ) {
    this.socFraction = clamp(startPct / 100, 0, 1);
    this.lowFlag = this.pct < BASE.lowBatteryPct;
    this.lowEdge = this.lowFlag;
  }

  get pct(): number {
    return Math.round(this.socFraction * 100);
  }

  get low(): boolean {
    return this.lowFlag;
  }

  set(pct: number): void {
    this.socFraction = clamp(pct / 100, 0, 1);
  }

  /** `wheelSpeeds` in m/s; motors draw current only while powered. */
  step(dt: number, powered: boolean, left: number, right: number, chargerContact: boolean): void {
    const motorA = powered ? (2.5 * (Math.abs(left) + Math.abs(right))) / BASE.maxWheelSpeed : 0;
    let current = -(0.6 + motorA) * this.drain;
    if (chargerContact) {
      current += this.socFraction < 0.95 ? 6 : (6 * (1 - this.socFraction)) / 0.05 + 0.1;
    }
    this.currentA = current;
    this.socFraction = clamp(this.socFraction + (current * dt) / 3600 / BASE.batteryCapacityAh, 0, 1);
    const pct = this.pct;
    const low = this.lowFlag ? pct < BASE.lowBatteryPct + 5 : pct < BASE.lowBatteryPct;
    if (low !== this.lowFlag) {
      this.lowFlag = low;
      this.lowEdge = true;
    }
  }

  /** True once after `low` changed (and at boot when the pack is already low). */
  takeLowEdge(): boolean {
    const edge = this.lowEdge;
    this.lowEdge = false;
    return edge;
  }

  /** Seeds a new boot: the low flag is reported again if it holds. */
  boot(): void {
    this.lowFlag = this.pct < BASE.lowBatteryPct;
    this.lowEdge = this.lowFlag;
  }

  reading(chargerContact: boolean): BatteryPayload {
    const volts = packOcv(this.socFraction) + 0.05 * this.currentA;
    const ma = clamp(Math.round(this.currentA * 1000), -32767, 32767);
    return {
      voltage_mv: clamp(Math.round(volts * 1000), 0, 0xffff),
      current_ma: ma,
      soc_pct: this.pct,
      charging: chargerContact && ma > 50 ? 1 : 0,
    };
  }
}
