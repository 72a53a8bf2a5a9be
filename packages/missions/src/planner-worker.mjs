// Worker entry of WorkerPlanner: plain JS so any host can start it (tsx, vitest, plain node), which then
// loads the TypeScript side through tsx's scoped loader.
import { tsImport } from 'tsx/esm/api';

await tsImport('./planner-worker-main.ts', import.meta.url);
