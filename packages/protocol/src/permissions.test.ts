import { describe, expect, it } from 'vitest';
import { adminRequests, displayRequests, kioskRequests, staffRequests } from './events.ts';
import {
  can,
  mayActOnTicket,
  mayActOnTicketAnywhere,
  mayOperateCounter,
  operableCounters,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  type Grantee,
} from './permissions.ts';
import { REQUEST_RULES, ruleOf } from './request-rules.ts';

const catalogue = {
  counters: [
    { id: 'c1', services: ['civil'] },
    { id: 'c2', services: ['civil', 'copy'] },
    { id: 'c3', services: ['land'] },
  ],
} as unknown as Parameters<typeof operableCounters>[1];
const kiosk: Grantee = { role: 'kiosk' };
const display: Grantee = { role: 'display' };
const staff1: Grantee = { role: 'staff', counters: ['c1'], grants: [] };
const lead: Grantee = { role: 'admin', counters: [], grants: [] };
const shiftLead: Grantee = { role: 'staff', counters: ['c2'], grants: ['robot.estop_reset'] };

describe('permission table', () => {
  it('gives each role what ARCHITECTURE.md section 8 says, and admins everything', () => {
    expect(ROLE_PERMISSIONS.admin).toEqual(PERMISSIONS);
    const table = Object.fromEntries(
      PERMISSIONS.map((p) => [
        p,
        [kiosk, display, staff1, lead].map((g) => (can(g, p) ? 'Y' : '-')).join(''),
      ]),
    );
    expect(table).toEqual({
      'site.read': 'YYYY',
      'queue.view': 'YYYY',
      // Admins hold every permission; the namespace still decides (no ticket:issue on /staff or /admin).
      'ticket.issue': 'Y--Y',
      'ticket.rate': 'Y--Y',
      'kiosk.session': 'Y--Y',
      'mission.guide': 'Y--Y',
      'mission.robot_screen': 'Y--Y',
      'dossier.lookup': 'Y--Y',
      'staff_call.request': 'Y--Y',
      'staff_call.answer': '--YY',
      'counter.operate': '--YY',
      'queue.report': '--YY',
      'robot.view': '--YY',
      'system.view': '--YY',
      'robot.stop': '--YY',
      'robot.move': '--YY',
      'robot.estop_reset': '---Y',
      'audit.read': '---Y',
      'admin.site': '---Y',
      'admin.devices': '---Y',
      'admin.sessions': '---Y',
    });
    expect(can(shiftLead, 'robot.estop_reset')).toBe(true);
  });

  it('has a rule for every request of every role, and the rule fits the role that may send it', () => {
    const maps = {
      kiosk: kioskRequests,
      display: displayRequests,
      staff: staffRequests,
      admin: adminRequests,
    };
    for (const [role, map] of Object.entries(maps)) {
      for (const event of Object.keys(map)) {
        const rule = ruleOf(event);
        expect(rule, event).toBeDefined();
        // Someone with this namespace's role may make it (staff's admin-only ones are for admins on /staff).
        const who = role === 'staff' ? lead : ({ role } as Grantee);
        expect(can(who, rule!.permission), `${role} ${event}`).toBe(true);
      }
    }
    expect(Object.keys(REQUEST_RULES).sort()).toEqual(
      [...new Set(Object.values(maps).flatMap((m) => Object.keys(m)))].sort(),
    );
    expect(ruleOf('__proto__')).toBeUndefined();
    expect(ruleOf('constructor')).toBeUndefined();
  });

  it('lets staff operate only their counters, admins all, devices none', () => {
    expect(mayOperateCounter(staff1, 'c1')).toBe(true);
    expect(mayOperateCounter(staff1, 'c2')).toBe(false);
    expect(mayOperateCounter({ role: 'staff', counters: [] }, 'c1')).toBe(false);
    expect(mayOperateCounter(lead, 'c3')).toBe(true);
    expect(mayOperateCounter(kiosk, 'c1')).toBe(false);
    expect(operableCounters(staff1, catalogue).map((c) => c.id)).toEqual(['c1']);
    expect(operableCounters(lead, catalogue).map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
  });

  it('lets staff act only on tickets of services their counter serves, or already at their counter', () => {
    const land = { service_id: 'land', counter_id: null };
    expect(mayActOnTicket(staff1, catalogue, 'c1', land)).toBe(false);
    expect(mayActOnTicketAnywhere(staff1, catalogue, land)).toBe(false);
    expect(mayActOnTicket(staff1, catalogue, 'c1', { service_id: 'civil', counter_id: null })).toBe(true);
    // Transferred to a service c1 does not serve, but still called at c1: c1 may finish it.
    expect(mayActOnTicket(staff1, catalogue, 'c1', { service_id: 'copy', counter_id: 'c1' })).toBe(true);
    expect(mayActOnTicket(staff1, catalogue, 'c3', { service_id: 'land', counter_id: null })).toBe(false);
    expect(mayActOnTicketAnywhere(lead, catalogue, land)).toBe(true);
  });
});
