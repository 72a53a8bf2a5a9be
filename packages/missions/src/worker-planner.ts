import { Worker } from 'node:worker_threads';
import type { Pose } from './geometry.ts';
import type { PathPlanner, PlanOutcome } from './path-planner.ts';

export interface PlannerWorkerData {
  mapFile: string;
  floor: string | undefined;
}

export type PlannerRequest =
  | { op: 'plan'; id: number; start: Pose; goal: Pose }
  | { op: 'set'; obstacleId: string; obstacle: { x: number; y: number; radius: number } }
  | { op: 'clear'; obstacleId: string };

/**
 * nav's `RoutePlanner` in a worker thread, so planning never stalls the event loop that keeps the serial
 * link alive (see `PathPlanner`). Messages are ordered, so obstacles set before a plan are in it.
 */
export class WorkerPlanner implements PathPlanner {
  private readonly worker: Worker;
  private readonly pending = new Map<number, (o: PlanOutcome) => void>();
  private seq = 0;
  private dead: string | undefined;

  constructor(mapFile: string, floor?: string) {
    const data: PlannerWorkerData = { mapFile, floor };
    this.worker = new Worker(new URL('./planner-worker.mjs', import.meta.url), { workerData: data });
    this.worker.unref();
    this.worker.on('message', (m: { id?: number; outcome?: PlanOutcome }) => {
      if (m.id === undefined || !m.outcome) return;
      this.pending.get(m.id)?.(m.outcome);
      this.pending.delete(m.id);
    });
    const fail = (why: string) => {
      this.dead = why;
      for (const resolve of this.pending.values())
        resolve({ ok: false, code: 'internal', message: why, dynamic: false });
      this.pending.clear();
    };
    this.worker.on('error', (e: Error) => fail(`planner worker failed: ${e.message}`));
    this.worker.on('exit', (code) => fail(`planner worker exited (${code})`));
  }

  plan(start: Pose, goal: Pose): Promise<PlanOutcome> {
    if (this.dead)
      return Promise.resolve({ ok: false, code: 'internal', message: this.dead, dynamic: false });
    const id = ++this.seq;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.post({ op: 'plan', id, start: { ...start }, goal: { ...goal } });
    });
  }

  setObstacle(obstacleId: string, obstacle: { x: number; y: number; radius: number }): void {
    this.post({ op: 'set', obstacleId, obstacle: { ...obstacle } });
  }

  clearObstacle(obstacleId: string): void {
    this.post({ op: 'clear', obstacleId });
  }

  async close(): Promise<void> {
    this.dead ??= 'planner closed';
    await this.worker.terminate();
  }

  private post(m: PlannerRequest): void {
    if (!this.dead) this.worker.postMessage(m);
  }
}
