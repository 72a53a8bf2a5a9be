export * from './robot-base.ts';
export * from './errors.ts';
export {
  RobotBaseCommands,
  SAFETY_DEADLINE_MS,
  WAYPOINTS_PER_CHUNK,
  MAX_PATH_CHUNKS,
} from './base-commands.ts';
export { SerialRobotBase, type SerialRobotBaseOptions } from './serial-robot-base.ts';
export { nodeSerialPorts, type LinkPort, type PortListing, type SerialPorts } from './serial-ports.ts';
export { locatePort, type PortLister, type PortSpec } from './port-locator.ts';
export { runSoak, percentile, type SoakOptions, type SoakResult } from './soak.ts';
