import { parentPort, workerData } from 'node:worker_threads';
import { loadSiteMap, RoutePlanner } from '@reception/nav';
import { InlinePlanner } from './inline-planner.ts';
import type { PlannerRequest, PlannerWorkerData } from './worker-planner.ts';

const data = workerData as PlannerWorkerData;
const planner = new InlinePlanner(
  new RoutePlanner(loadSiteMap(data.mapFile), data.floor, { landmarks: false }),
);
const port = parentPort;
port?.on('message', (m: PlannerRequest) => {
  switch (m.op) {
    case 'plan':
      port.postMessage({ id: m.id, outcome: planner.planNow(m.start, m.goal) });
      return;
    case 'set':
      planner.setObstacle(m.obstacleId, m.obstacle);
      return;
    case 'clear':
      planner.clearObstacle(m.obstacleId);
      return;
    default: {
      const never: never = m;
      return never;
    }
  }
});
port?.postMessage({ ready: true });
