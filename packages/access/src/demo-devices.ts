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

/** Where a bridge runs: public demo credentials are refused in production and beyond loopback without --demo. */
export interface Exposure {
  nodeEnv: string | undefined;
  host: string;
  demo: boolean;
}

/** Whether public demo credentials may be served: never in production, beyond loopback only with --demo. */
export function demoCredentialsAllowed(o: Exposure): boolean {
  return o.nodeEnv !== 'production' && (LOOPBACK.test(o.host) || o.demo);
}

/** Why public demo credentials must not be served here (`what` names them), or undefined if they may. */
function exposed(what: string, fix: string, o: Exposure): string | undefined {
  if (demoCredentialsAllowed(o)) return undefined;
  if (o.nodeEnv === 'production') return `${what} and NODE_ENV=production: ${fix}`;
  return `${what} and the bridge would listen on ${o.host}: start with --demo to run the demo on the network, or listen on 127.0.0.1`;
}

/**
 * Demo tokens are public (they are in the repository), so a bridge holding them must not be reachable: it
 * refuses to start with them in production, or listening beyond loopback unless started with `--demo`
 * (as `npm start` does). Returns the reason to refuse, or undefined.
 */
export function demoRefusal(
  devices: readonly DemoDevice[],
  o: Exposure & { siteDir: string },
): string | undefined {
  if (devices.length === 0) return undefined;
  return exposed(
    `${path.join(o.siteDir, DEMO_DEVICES_FILE)} holds public demo device tokens`,
    'use a site folder without it and create tokens with `npm run -s admin -- token create`',
    o,
  );
}

/**
 * The demo centre's staff passwords, published in its `staff.yaml` and README. A centre that starts from
 * the demo folder keeps them unless someone changes every account; the bridge checks (see below).
 */
export const DEMO_STAFF_PASSWORDS: readonly string[] = ['demo-counter', 'demo-admin-pass'];

/**
 * Staff accounts whose password is a published demo one make the console anyone's: refused under the same
 * rule as demo tokens. `usernames`: the accounts that still have one (`StaffAccounts.withPasswords`).
 */
export function demoPasswordRefusal(
  usernames: readonly string[],
  o: Exposure & { staffFile: string },
): string | undefined {
  if (usernames.length === 0) return undefined;
  return exposed(
    `${o.staffFile}: ${usernames.join(', ')} still ${usernames.length === 1 ? 'has' : 'have'} a published demo password`,
    'give each account its own (`npm run -s staff-password -- NEW-PASSWORD` makes the hash)',
    o,
  );
}
