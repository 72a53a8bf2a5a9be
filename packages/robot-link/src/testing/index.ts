export { startSim, type SimProcess } from './sim-process.ts';
export { createLinkRig, waitFor, type LinkRig } from './link-rig.ts';
export { FaultRelay } from './fault-relay.ts';
