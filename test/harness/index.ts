export { artifactPath, ARTIFACTS_DIR } from './artifacts.ts';
export {
  BridgeStartError,
  spawnBridge,
  type SpawnBridgeOptions,
  type SpawnedBridge,
  warnOnFailure,
} from './bridge.ts';
export {
  CHROMIUM_FLAGS,
  CHROMIUM_PATH,
  launchChromium,
  type LaunchChromiumOptions,
  type LaunchedChromium,
} from './chromium.ts';
export { KIOSK_DIST, REPO_ROOT } from './paths.ts';
export { makePtyPair, type PtyPairHandle } from './pty.ts';
export { freePort, spawnKioskHost, spawnKioskStack, type SpawnedKioskHost } from './kiosk-host.ts';
export { killGroups, Teardown } from './teardown.ts';
export { envFile, serviceLines, unitComplaints, unitEnv, waitHealthy } from './units.ts';
