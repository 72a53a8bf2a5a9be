import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEVICE_ROLES, describeZodError } from '@reception/protocol';
import { parse } from 'yaml';
import { z } from 'zod';
import type { DemoDevice } from './device-tokens.ts';

/** The demo site's public device tokens; a real centre's site folder has no such file. */
export const DEMO_DEVICES_FILE = 'demo-devices.yaml';

const demoFileSchema = z
  .object({
    devices: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z0-9_]{3,40}$/),
          role: z.enum(DEVICE_ROLES),
          name: z.string().min(1).max(80),
          token: z.string().min(8).max(512),
        })
        .strict(),
    ),
  })
  .strict();

export class DemoTokensError extends Error {
  readonly code = 'DEMO_TOKENS_REFUSED';
}

/** The demo devices of a site folder, or none when it has no `demo-devices.yaml`. */
export async function loadDemoDevices(siteDir: string): Promise<DemoDevice[]> {
  const file = path.join(siteDir, DEMO_DEVICES_FILE);
  if (!existsSync(file)) return [];
  const parsed = demoFileSchema.safeParse(parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new DemoTokensError(`${file}: ${describeZodError(parsed.error)}`);
  return parsed.data.devices;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/**
 * Demo tokens are public (they are in the repository), so a bridge holding them must not be reachable: it
 * refuses to start with them in production, or listening beyond loopback unless started with `--demo`
 * (as `npm start` does). Returns the reason to refuse, or undefined.
 */
export function demoRefusal(
  devices: readonly DemoDevice[],
  o: { nodeEnv: string | undefined; host: string; demo: boolean; siteDir: string },
): string | undefined {
  if (devices.length === 0) return undefined;
  const file = path.join(o.siteDir, DEMO_DEVICES_FILE);
  if (o.nodeEnv === 'production') {
    return `${file} holds public demo device tokens and NODE_ENV=production: use a site folder without it and create tokens with \`npm run -s admin -- token create\``;
  }
  if (!LOOPBACK.test(o.host) && !o.demo) {
    return `${file} holds public demo device tokens and the bridge would listen on ${o.host}: start with --demo to run the demo on the network, or listen on 127.0.0.1`;
  }
  return undefined;
}
