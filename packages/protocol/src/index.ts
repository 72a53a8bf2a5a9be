export * from './result.ts';
export * from './rpc.ts';
export * from './site.ts';
export * from './events.ts';
export * from './tickets.ts';
export * from './robot.ts';
export * from './missions.ts';
