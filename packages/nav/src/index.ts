export * from './errors.ts';
export * from './map/schema.ts';
export * from './map/site-map.ts';
export { loadSiteMap } from './map/loader.ts';
export { decodePgm, encodePgm, decodePngGrey, type GreyImage } from './map/image.ts';
export * from './costmap/costmap.ts';
export * from './plan/grid.ts';
export { JumpPointSearch } from './plan/jps.ts';
export { GridAStar } from './plan/astar.ts';
export { expandJumpPath, type GridPath } from './plan/search-space.ts';
export { UniformGridPlanner, type UniformAlgorithm } from './plan/uniform-planner.ts';
export { parseMovingAiMap, parseMovingAiScen, type Scenario } from './plan/movingai.ts';
export { smoothPath, segmentMaxCost, type CellPoint } from './plan/smoothing.ts';
export {
  toWaypoints,
  defaultSpeedOptions,
  type SpeedOptions,
  type Waypoint,
  type Segment,
} from './plan/waypoints.ts';
export {
  RoutePlanner,
  type Route,
  type ReplanOutcome,
  type RoutePlannerOptions,
} from './plan/route-planner.ts';
export { renderFloorPng, renderRoutePng } from './render-png.ts';
export { syntheticSiteMap, type SyntheticMapSpec } from './map/synthetic.ts';
