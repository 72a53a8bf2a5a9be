export * from './robot-base.ts';
export * from './errors.ts';
export { SerialRobotBase, SAFETY_DEADLINE_MS, type SerialRobotBaseOptions } from './serial-robot-base.ts';
export { locatePort, serialPortLister, type PortLister, type PortSpec } from './port-locator.ts';

export { runSoak, percentile, type SoakOptions, type SoakResult } from './soak.ts';
