export { startSim, type SimProcess } from './sim-process.ts';
export { createLinkRig, waitFor, type LinkRig } from './link-rig.ts';
export { FaultRelay } from './fault-relay.ts';
export { mockSerialPorts, duplexSerialPorts, DuplexPort } from './test-ports.ts';
export { ScriptedBase, scriptMockPort, type ScriptedBaseOptions } from './scripted-base.ts';
export { FakeRobotBase, type FakeRobotBaseOptions } from './fake/fake-robot-base.ts';
export { SimulatedBase, type SimulatedBaseOptions } from './fake/simulated-base.ts';
export { ManualClock, realTimeClock, type FakeClock } from './fake/clock.ts';
export type { Pose } from './fake/model.ts';
