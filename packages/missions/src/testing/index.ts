export { FakeClock } from './fake-clock.ts';
export { KinematicBase } from './kinematic-base.ts';
export { mapToWorld, simDockArgs } from './sim-frames.ts';
