import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import {
  NAMESPACES,
  REQUEST_RULES,
  requestsByRole,
  type AuditPage,
  type CreatedToken,
  type DeviceInfo,
  type QueueEvent,
  type Ticket,
  type TicketReceipt,
} from '@reception/protocol';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBridge } from '../bridge.ts';
import { BridgeClients, call, disconnected, startTestBridge } from '../testing/bridge-clients.ts';

// The permission table enforced over sockets, and issue 17's access-control defects, each named after it.
let bridge: RunningBridge;
let root: string;
const clients = new BridgeClients(() => bridge);
let kiosk: Socket;
let display: Socket;
let counter1: Socket; // counter_1: civil_status (A)
let lead: Socket; // admin, on /staff
let admin: Socket; // admin, on /admin

const issue = async (service_id: string) => {
  const r = await call<TicketReceipt>(kiosk, 'ticket:issue', { service_id, idempotency_key: randomUUID() });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.ticket;
};

beforeAll(async () => {
  ({ bridge, root } = await startTestBridge());
  kiosk = await clients.connect('/kiosk', 'demo-kiosk');
  display = await clients.connect('/display', 'demo-display');
  counter1 = await clients.connect('/staff', await clients.token('counter1'));
  const leadToken = await clients.token('lead');
  lead = await clients.connect('/staff', leadToken);
  admin = await clients.connect('/admin', leadToken);
});
afterAll(async () => {
  clients.closeAll();
  await bridge.close();
  rmSync(root, { recursive: true, force: true });
});

describe('permission table over sockets', () => {
  it('a_request_a_role_may_not_make_is_answered_forbidden_not_ignored', async () => {
    const sockets = { kiosk, display, staff: counter1, admin } as Record<keyof typeof NAMESPACES, Socket>;
    for (const [role, socket] of Object.entries(sockets) as [keyof typeof NAMESPACES, Socket][]) {
      const own = requestsByRole[role];
      for (const event of Object.keys(REQUEST_RULES).filter((e) => !Object.hasOwn(own, e))) {
        const r = await call(socket, event, {});
        expect(r, `${role} ${event}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    // The two cases of the issue, by name: a kiosk's e-stop and a display issuing a ticket.
    expect(await call(kiosk, 'robot:estop', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const ticket = await call(display, 'ticket:issue', { service_id: 'land', idempotency_key: randomUUID() });
    expect(ticket).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(kiosk, 'no:such_event', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('staff_may_not_reset_the_estop_or_administer_but_admins_may', async () => {
    expect(await call(counter1, 'robot:estop_reset', { confirm: 'RESET_ESTOP' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // Past the permission check: no robot on this bridge.
    expect(await call(lead, 'robot:estop_reset', { confirm: 'RESET_ESTOP' })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
    expect(await call(counter1, 'robot:estop', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
    expect(await call(counter1, 'audit:search', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('staff_may_operate_only_their_counters', async () => {
    expect(await call(counter1, 'counter:open', { counter_id: 'counter_3' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const report = await call(counter1, 'queue:report', { counter_id: 'counter_2' });
    expect(report).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(lead, 'counter:open', { counter_id: 'counter_3' })).toEqual({ ok: true, value: null });
  });

  it('staff_may_not_cancel_or_transfer_a_ticket_of_a_service_their_counter_does_not_serve', async () => {
    const land = await issue('land'); // served by counter_3 only
    const cancel = await call(counter1, 'ticket:cancel', { ticket_id: land.id });
    expect(cancel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const transfer = await call(counter1, 'ticket:transfer', {
      counter_id: 'counter_1',
      ticket_id: land.id,
      service_id: 'civil_status',
      position: 'front',
    });
    expect(transfer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const noShow = await call(counter1, 'ticket:no_show', { counter_id: 'counter_1', ticket_id: land.id });
    expect(noShow).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const status = await call<TicketReceipt>(kiosk, 'ticket:status', { ticket_id: land.id });
    expect(status.ok && status.value.ticket.status).toBe('waiting');
    // Their own service: allowed.
    const civil = await issue('civil_status');
    expect(await call<Ticket>(counter1, 'ticket:cancel', { ticket_id: civil.id })).toMatchObject({
      ok: true,
      value: { status: 'cancelled' },
    });
  });

  it('the_actor_in_broadcast_events_holds_no_token_characters', async () => {
    const events: QueueEvent[] = [];
    display.on('queue:event', (e: QueueEvent) => events.push(e));
    const created = await call<CreatedToken>(admin, 'token:create', { role: 'kiosk', name: 'Lobby kiosk 2' });
    if (!created.ok) throw new Error(created.error.message);
    const { device, token } = created.value;
    const k2 = await clients.connect('/kiosk', token);
    const r = await call<TicketReceipt>(k2, 'ticket:issue', {
      service_id: 'land',
      idempotency_key: randomUUID(),
    });
    await issue('land'); // and one from the demo kiosk
    await expect.poll(() => events.filter((e) => e.type === 'ticket.created').length).toBe(2);
    const actors = events.filter((e) => e.type === 'ticket.created').map((e) => e.actor);
    expect(actors).toEqual([`kiosk:${device.id}`, 'kiosk:lobby_kiosk_1']);
    expect(actors[0]).not.toContain(token.slice(0, 4));
    expect(actors[1]).not.toContain('demo');
    expect(r.ok).toBe(true);
  });

  it('device_tokens_are_listed_renamed_and_revoked_and_revocation_disconnects_the_device', async () => {
    const created = await call<CreatedToken>(admin, 'token:create', {
      role: 'display',
      name: 'Hall display',
    });
    if (!created.ok) throw new Error(created.error.message);
    const { device, token } = created.value;
    const screen = await clients.connect('/display', token);
    await expect(clients.connect('/kiosk', token)).rejects.toThrow('UNAUTHORIZED'); // a display token is no kiosk
    const renamed = await call<DeviceInfo>(admin, 'token:rename', {
      device_id: device.id,
      name: 'Hall display 1',
    });
    expect(renamed.ok && renamed.value.name).toBe('Hall display 1');
    const list = await call<{ devices: DeviceInfo[] }>(admin, 'token:list', {});
    expect(list.ok && list.value.devices.map((d) => d.id)).toEqual(
      expect.arrayContaining(['lobby_kiosk_1', 'lobby_display_1', device.id]),
    );
    expect(JSON.stringify(list)).not.toContain(token);
    const gone = disconnected(screen);
    expect(await call(admin, 'token:revoke', { device_id: device.id })).toMatchObject({ ok: true });
    await gone;
    await expect(clients.connect('/display', token)).rejects.toThrow('UNAUTHORIZED');
    expect(await call(admin, 'token:revoke', { device_id: 'lobby_kiosk_1' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('every_robot_command_counter_action_login_and_token_change_is_audited_and_searchable', async () => {
    await call(kiosk, 'robot:estop', {}); // refused, and logged with its origin
    await call(counter1, 'robot:stop', {});
    const page = await call<AuditPage>(lead, 'audit:search', { action: 'robot:', limit: 10 });
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value.entries.slice(0, 2)).toEqual([
      expect.objectContaining({ actor: 'counter1', action: 'robot:stop', outcome: 'failed' }),
      expect.objectContaining({ actor: 'kiosk:lobby_kiosk_1', action: 'robot:estop', outcome: 'refused' }),
    ]);
    const all = await call<AuditPage>(admin, 'audit:search', { limit: 500 });
    const actions = new Set(all.ok ? all.value.entries.map((e) => e.action) : []);
    for (const a of [
      'auth:login',
      'token:create',
      'token:rename',
      'token:revoke',
      'ticket:cancel',
      'counter:open',
    ]) {
      expect(actions, a).toContain(a);
    }
    const paged = await call<AuditPage>(admin, 'audit:search', { limit: 2 });
    expect(paged.ok && paged.value.next_before).toBeTypeOf('number');
  });

  it('the_audit_log_exports_as_csv_for_audit_readers_only', async () => {
    const url = `${bridge.url}/api/audit.csv?action=robot:`;
    expect((await fetch(url)).status).toBe(401);
    const staff = await clients.token('counter2');
    expect((await fetch(url, { headers: { authorization: `Bearer ${staff}` } })).status).toBe(403);
    const res = await fetch(url, { headers: { authorization: `Bearer ${await clients.token('lead')}` } });
    expect(res.status).toBe(200);
    const text = (await res.text()).replace(/^\ufeff/, '');
    expect(text.split('\r\n')[0]).toBe('seq,at,actor,role,action,target,outcome,detail,address');
    expect(text).toContain(',kiosk:lobby_kiosk_1,kiosk,robot:estop,,refused,');
    expect(
      (
        await fetch(`${bridge.url}/api/audit.csv?from=yesterday`, {
          headers: { authorization: `Bearer ${staff}` },
        })
      ).status,
    ).toBe(403);
  });
});
