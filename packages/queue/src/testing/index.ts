export { createReferenceServer, type ReferenceServerOptions } from './reference-server.ts';
