/** Counters and an RTT histogram of the link, read as plain numbers (exported to Prometheus by the bridge). */
import type { LinkMetrics } from './robot-base.ts';

export const RTT_BUCKETS_MS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000] as const;

type Counter = Exclude<
  keyof LinkMetrics,
  'rttBucketsMs' | 'rttCount' | 'rttSumMs' | 'crcErrors' | 'decodeErrors'
>;

export class LinkMetricsRecorder {
  private readonly counters: Record<Counter, number> = {
    framesIn: 0,
    framesMissed: 0,
    framesOut: 0,
    bytesIn: 0,
    bytesOut: 0,
    commandsSent: 0,
    commandsAcked: 0,
    commandsRejected: 0,
    retries: 0,
    lost: 0,
    duplicateAcks: 0,
    safetyEvents: 0,
    reconnects: 0,
    resyncs: 0,
  };
  private readonly buckets = new Array<number>(RTT_BUCKETS_MS.length + 1).fill(0);
  private rttCount = 0;
  private rttSumMs = 0;
  crcErrors = 0;
  decodeErrors = 0;

  inc(counter: Counter, by = 1): void {
    this.counters[counter] += by;
  }

  observeRtt(ms: number): void {
    this.rttCount++;
    this.rttSumMs += ms;
    const i = RTT_BUCKETS_MS.findIndex((le) => ms <= le);
    const index = i < 0 ? RTT_BUCKETS_MS.length : i;
    this.buckets[index] = (this.buckets[index] ?? 0) + 1;
  }

  snapshot(): LinkMetrics {
    let cumulative = 0;
    const rttBucketsMs = this.buckets.map((count, i) => {
      cumulative += count;
      return { le: RTT_BUCKETS_MS[i] ?? Number.POSITIVE_INFINITY, count: cumulative };
    });
    return {
      ...this.counters,
      crcErrors: this.crcErrors,
      decodeErrors: this.decodeErrors,
      rttCount: this.rttCount,
      rttSumMs: this.rttSumMs,
      rttBucketsMs,
    };
  }
}
