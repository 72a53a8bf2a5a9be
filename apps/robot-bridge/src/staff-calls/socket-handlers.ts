import {
  err,
  ok,
  type KioskClientEvents,
  type KioskServerEvents,
  type kioskRequests,
  type Result,
  type StaffClientEvents,
  type StaffServerEvents,
  type staffRequests,
} from '@reception/protocol';
import type { Namespace } from 'socket.io';
import type { Handlers, RequestContext } from '../server/requests.ts';
import { StaffCallError, type StaffCallChange, type StaffCallRegistry } from './staff-call-registry.ts';

export type KioskStaffCallHandlers = Pick<Handlers<typeof kioskRequests>, 'staff:call' | 'staff_call:cancel'>;
export type StaffStaffCallHandlers = Pick<
  Handlers<typeof staffRequests>,
  'staff_call:list' | 'staff_call:ack'
>;

async function guard<T>(work: () => T | Promise<T>): Promise<Result<T>> {
  try {
    return ok(await work());
  } catch (e) {
    if (e instanceof StaffCallError) return err(e.wireCode, e.message);
    throw e;
  }
}

/**
 * Kiosk requests. A kiosk is known by its socket actor (`ctx.actor`, one per device token); `kioskName`
 * is what staff see, by default that same label.
 */
export function kioskStaffCallHandlers(
  calls: StaffCallRegistry,
  kioskName: (ctx: RequestContext) => string = (ctx) => ctx.actor,
): KioskStaffCallHandlers {
  return {
    'staff:call': ({ reason, language }, ctx) =>
      guard(() => calls.call({ key: ctx.actor, name: kioskName(ctx) }, { reason, language })),
    'staff_call:cancel': ({ call_id }, ctx) =>
      guard(() => {
        calls.cancel(ctx.actor, call_id);
        return null;
      }),
  };
}

/** Staff requests; `displayName` is the acknowledging person's name as the kiosk will show it. */
export function staffStaffCallHandlers(
  calls: StaffCallRegistry,
  displayName: (ctx: RequestContext) => string = (ctx) => ctx.actor,
): StaffStaffCallHandlers {
  return {
    'staff_call:list': () => Promise.resolve(ok({ calls: calls.list() })),
    'staff_call:ack': ({ call_id }, ctx) => guard(() => calls.acknowledge(call_id, displayName(ctx))),
  };
}

/**
 * Broadcasts every change: `staff_call:new` / `staff_call:update` to all staff, and to the sockets of the
 * calling kiosk (found by their actor, so a kiosk that reconnected is still told)
 * `staff_call:acknowledged` or `staff_call:expired`. Returns the function that stops it.
 */
export function broadcastStaffCalls(
  calls: StaffCallRegistry,
  ns: {
    kiosk: Namespace<KioskClientEvents, KioskServerEvents>;
    staff: Namespace<StaffClientEvents, StaffServerEvents>;
  },
): () => void {
  const onChange = ({ kind, call, kiosk }: StaffCallChange) => {
    ns.staff.emit(kind === 'new' ? 'staff_call:new' : 'staff_call:update', call);
    if (call.state !== 'acknowledged' && call.state !== 'expired') return;
    for (const socket of ns.kiosk.sockets.values()) {
      if ((socket.data as { principal?: { actor: string } }).principal?.actor !== kiosk) continue;
      if (call.state === 'acknowledged') {
        socket.emit('staff_call:acknowledged', { call_id: call.call_id, by: call.acknowledged_by ?? '' });
      } else {
        socket.emit('staff_call:expired', { call_id: call.call_id });
      }
    }
  };
  calls.on('change', onChange);
  return () => calls.off('change', onChange);
}
