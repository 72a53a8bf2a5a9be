import { rmSync } from 'node:fs';
import {
  ERROR_CODES,
  requestsByRole,
  type AuditPage,
  type DeviceInfo,
  type NAMESPACES,
  type QueueSnapshot,
  type RpcMap,
} from '@reception/protocol';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RunningBridge } from '../bridge.ts';
import { BridgeClients, call, startTestBridge } from '../testing/bridge-clients.ts';

// Fuzzed payloads on every request of every role: each gets a typed error (never INTERNAL, never silence)
// and nothing changes: no queue event, no device, no successful audited action, no polluted prototype.
let bridge: RunningBridge;
let root: string;
const clients = new BridgeClients(() => bridge);
let tokens: Record<keyof typeof NAMESPACES, string>;

const HUGE = 'x'.repeat(60_000);
const deep = (n: number) => {
  let v: unknown = 'bottom';
  for (let i = 0; i < n; i++) v = i % 2 ? { a: v } : [v];
  return v;
};
const PROTO = JSON.parse(
  '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
) as object;

/** Field names of a request schema (both sides of a union). */
function fieldsOf(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as {
    properties?: object;
    anyOf?: { properties?: object }[];
  };
  const parts = [json, ...(json.anyOf ?? [])];
  return [...new Set(parts.flatMap((p) => Object.keys(p.properties ?? {})))];
}

function payloads(schema: z.ZodType): unknown[] {
  const fields = fieldsOf(schema);
  const base: unknown[] = [42, 'text', true, [], [1, 'a'], {}, { unknown_field: 1 }, deep(300), PROTO, HUGE];
  for (const f of fields) {
    base.push({ [f]: HUGE }, { [f]: -1.5 }, { [f]: { nested: [f] } }, { [f]: null }, { ...PROTO, [f]: 'x' });
  }
  // Only what the schema refuses (after the JSON round trip the wire makes): valid payloads would act.
  return base.filter((p) => !schema.safeParse(JSON.parse(JSON.stringify(p ?? {}))).success);
}

async function state() {
  const admin = await clients.connect('/admin', tokens.admin);
  const display = await clients.connect('/display', tokens.display);
  const snap = await call<QueueSnapshot>(display, 'queue:snapshot', {});
  const devices = await call<{ devices: DeviceInfo[] }>(admin, 'token:list', { include_revoked: true });
  const audited = await call<AuditPage>(admin, 'audit:search', { outcome: 'ok', limit: 500 });
  admin.close();
  display.close();
  return {
    seq: snap.ok && snap.value.seq,
    devices: devices.ok && devices.value.devices.map((d) => `${d.id}:${d.name}:${d.revoked_at}`),
    okActions: audited.ok && audited.value.entries.filter((e) => e.action !== 'auth:login').length,
  };
}

beforeAll(async () => {
  ({ bridge, root } = await startTestBridge());
  const lead = await clients.token('lead');
  tokens = {
    kiosk: 'demo-kiosk',
    display: 'demo-display',
    staff: await clients.token('counter1'),
    admin: lead,
  };
});
afterAll(async () => {
  clients.closeAll();
  await bridge.close();
  rmSync(root, { recursive: true, force: true });
});

describe('fuzzed payloads', () => {
  it('every_event_of_every_role_answers_a_typed_error_and_changes_nothing', async () => {
    const before = await state();
    let sent = 0;
    for (const [role, requests] of Object.entries(requestsByRole) as [keyof typeof NAMESPACES, RpcMap][]) {
      for (const [event, { request }] of Object.entries(requests)) {
        // A socket per event: the per-socket rate limit (burst 40) is not what this tests.
        const socket: Socket = await clients.connect(`/${role}`, tokens[role]);
        for (const payload of payloads(request)) {
          const r = await call(socket, event, payload);
          sent++;
          expect(r.ok, `${role} ${event} ${JSON.stringify(payload).slice(0, 80)}`).toBe(false);
          if (!r.ok) {
            expect(ERROR_CODES).toContain(r.error.code);
            expect(r.error.code, `${role} ${event}`).not.toBe('INTERNAL');
            expect(r.error.message.length).toBeLessThan(2000);
          }
        }
        socket.close();
      }
    }
    expect(sent).toBeGreaterThan(500);
    expect(await state()).toEqual(before);
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  }, 120_000);
});
