export {
  createReferenceServer,
  toWire,
  type ReferenceServer,
  type ReferenceServerFaults,
  type ReferenceServerOptions,
} from './reference-server.ts';
