import type { RequestEvent } from './events.ts';
import type { RequestRule } from './permissions.ts';

/**
 * The permission each request needs, for every request event of every role: adding a request to a map in
 * events.ts without a rule here does not compile. The bridge checks the rule before the handler runs and
 * answers `FORBIDDEN` when it fails; `audit` requests are written to the audit log with their outcome.
 */
export const REQUEST_RULES = {
  'site:get': { permission: 'site.read' },
  'bridge:info': { permission: 'site.read' },
  'queue:snapshot': { permission: 'queue.view' },
  'queue:events': { permission: 'queue.view' },
  'ticket:issue': { permission: 'ticket.issue' },
  'ticket:status': { permission: 'ticket.issue' },
  'ticket:print': { permission: 'ticket.issue' },
  'ticket:rate': { permission: 'ticket.rate' },
  'session:language': { permission: 'kiosk.session' },
  // The citizen types the number on their paper ticket to rate it (the kiosk's rating screen).
  'ticket:find': { permission: 'ticket.rate' },
  'lobby:plan': { permission: 'site.read' },
  'dossier:status': { permission: 'dossier.lookup' },
  'staff:call': { permission: 'staff_call.request' },
  'staff_call:cancel': { permission: 'staff_call.request' },
  'staff_call:list': { permission: 'staff_call.answer' },
  'staff_call:ack': { permission: 'staff_call.answer', audit: true },
  'mission:guide': { permission: 'mission.guide' },
  'mission:escort': { permission: 'mission.guide' },
  'mission:confirm': { permission: 'mission.robot_screen' },
  'mission:stop': { permission: 'mission.robot_screen', audit: true },
  'kiosk:register_robot_screen': { permission: 'mission.robot_screen' },
  'robot:send': { permission: 'robot.move', audit: true },
  'robot:recall': { permission: 'robot.move', audit: true },
  'robot:pause': { permission: 'robot.move', audit: true },
  'robot:resume': { permission: 'robot.move', audit: true },
  'robot:dock': { permission: 'robot.move', audit: true },
  'robot:undock': { permission: 'robot.move', audit: true },
  'robot:anchor': { permission: 'robot.move', audit: true },
  'mission:cancel': { permission: 'robot.move', audit: true },
  'mission:list': { permission: 'robot.view' },
  'robot:get': { permission: 'robot.view' },
  'robot:get_map': { permission: 'robot.view' },
  'robot:get_path': { permission: 'robot.view' },
  'system:get_health': { permission: 'system.view' },
  'robot:estop': { permission: 'robot.stop', audit: true },
  'robot:stop': { permission: 'robot.stop', audit: true },
  'robot:estop_reset': { permission: 'robot.estop_reset', audit: true },
  'counter:open': { permission: 'counter.operate', scope: 'counter', audit: true },
  'counter:close': { permission: 'counter.operate', scope: 'counter', audit: true },
  'counter:call_next': { permission: 'counter.operate', scope: 'counter', audit: true },
  'ticket:recall': { permission: 'counter.operate', scope: 'ticket', audit: true },
  'ticket:start': { permission: 'counter.operate', scope: 'ticket', audit: true },
  'ticket:complete': { permission: 'counter.operate', scope: 'ticket', audit: true },
  'ticket:no_show': { permission: 'counter.operate', scope: 'ticket', audit: true },
  'ticket:transfer': { permission: 'counter.operate', scope: 'ticket', audit: true },
  'ticket:cancel': { permission: 'counter.operate', scope: 'ticket', audit: true },
  'queue:report': { permission: 'queue.report', scope: 'counter' },
  'audit:search': { permission: 'audit.read' },
  'site:reload': { permission: 'admin.site', audit: true },
  'token:create': { permission: 'admin.devices', audit: true },
  'token:list': { permission: 'admin.devices' },
  'token:rename': { permission: 'admin.devices', audit: true },
  'token:revoke': { permission: 'admin.devices', audit: true },
  'session:list': { permission: 'admin.sessions' },
  'session:revoke': { permission: 'admin.sessions', audit: true },
} as const satisfies Record<RequestEvent, RequestRule>;

export function ruleOf(event: string): RequestRule | undefined {
  return Object.hasOwn(REQUEST_RULES, event) ? REQUEST_RULES[event as RequestEvent] : undefined;
}
