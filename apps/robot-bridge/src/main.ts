import { readConfig } from './config.ts';
import { startBridge } from './bridge.ts';
import { createLogger } from './log.ts';

/** Process entry: configuration errors exit 2, other start failures exit 1, SIGINT/SIGTERM stop cleanly. */
async function main(): Promise<void> {
  let config;
  try {
    config = readConfig(process.env, process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`robot-bridge: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const log = createLogger(config.LOG_LEVEL);
  let bridge;
  try {
    bridge = await startBridge(config, log);
  } catch (e) {
    const err = e as Error & { code?: string };
    process.stderr.write(`robot-bridge: cannot start: ${err.message}\n`);
    const configuration = ['SITE_INVALID', 'STAFF_FILE_INVALID', 'CONFIG_INVALID', 'DEMO_TOKENS_REFUSED'];
    process.exit(configuration.includes(err.code ?? '') ? 2 : 1);
  }
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    const force = setTimeout(() => {
      log.error('shutdown took longer than 10 s; exiting anyway');
      process.exit(1);
    }, 10_000);
    force.unref();
    bridge
      .close()
      .then(() => process.exit(0))
      .catch((e: unknown) => {
        log.error({ err: e }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
