export * from './clock.ts';
export * from './geometry.ts';
export * from './localization.ts';
export { DeadReckoningLocalization } from './dead-reckoning.ts';
export * from './path-profile.ts';
export * from './path-planner.ts';
export { InlinePlanner } from './inline-planner.ts';
export { WorkerPlanner } from './worker-planner.ts';
export * from './mission-store.ts';
export { SqliteMissionStore } from './sqlite-mission-store.ts';
export { PlaceDirectory, defaultPlaceRoles, type PlaceRoles } from './places.ts';
export { defaultLegOptions, type LegOptions, type LegResult } from './leg.ts';
export {
  defaultMissionOptions,
  type MissionEngineDeps,
  type MissionEngineEvents,
  type MissionOptions,
  type Origin,
} from './engine-core.ts';
export { MissionEngine } from './mission-engine.ts';
export { buildRobotMap, robotMapOfFile } from './console-map.ts';
