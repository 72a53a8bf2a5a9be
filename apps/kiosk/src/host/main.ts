import pino from 'pino';
import { startBrowserHost } from './browser-host.ts';
import { createKioskHost } from './compose.ts';
import { KioskConfigError, readKioskConfig, type KioskConfig } from './config.ts';

// Browser mode's entry point (`npm start` runs it; deploy/kiosk-host.service in production).
async function main(): Promise<void> {
  let config: KioskConfig;
  try {
    config = readKioskConfig();
  } catch (e) {
    process.stderr.write(`kiosk host: ${(e as Error).message}\n`);
    process.exit(e instanceof KioskConfigError ? 2 : 1);
  }
  const log = pino({ level: config.LOG_LEVEL });
  const host = await createKioskHost(config, log);
  const running = await startBrowserHost(config, host, log.child({ ns: 'browser-host' }));
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`kiosk host: cannot start: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
