import {
  err,
  ok,
  type KioskClientEvents,
  type KioskServerEvents,
  type kioskRequests,
  type MissionTicket,
  type MissionUpdate,
  type Result,
  type RobotPath,
  type StaffClientEvents,
  type StaffServerEvents,
  type staffRequests,
} from '@reception/protocol';
import type { MissionEngine } from '@reception/missions';
import { TicketError, type TicketQueue } from '@reception/queue';
import type { Logger } from 'pino';
import type { Namespace } from 'socket.io';
import type { Handlers, RequestContext } from '../server/requests.ts';

type KioskMissionKeys =
  'mission:guide' | 'mission:escort' | 'mission:confirm' | 'mission:stop' | 'kiosk:register_robot_screen';
type StaffMissionKeys =
  | 'robot:stop'
  | 'robot:send'
  | 'robot:recall'
  | 'robot:pause'
  | 'robot:resume'
  | 'robot:dock'
  | 'robot:undock'
  | 'robot:anchor'
  | 'robot:get_path'
  | 'mission:cancel'
  | 'mission:list';
export type KioskMissionHandlers = Pick<Handlers<typeof kioskRequests>, KioskMissionKeys>;
export type StaffMissionHandlers = Pick<Handlers<typeof staffRequests>, StaffMissionKeys>;

export interface MissionNamespaces {
  kiosk: Namespace<KioskClientEvents, KioskServerEvents>;
  staff: Namespace<StaffClientEvents, StaffServerEvents>;
}

/** The room of kiosks registered as the robot's own screen: they see every mission. */
export const ROBOT_SCREEN_ROOM = 'robot-screen';

/**
 * Socket requests of missions, for kiosks and staff, and the routing of `mission:update`: to the kiosk
 * that asked (by socket), to robot screens and to every staff client. Every robot command is logged with
 * who gave it. Without a robot every request answers UNAVAILABLE (`no_robot`).
 */
export class MissionSockets {
  private ns: MissionNamespaces | undefined;
  /** mission id -> socket id of the kiosk that asked (updates go back to it). */
  private readonly askedBy = new Map<string, string>();

  constructor(
    private readonly engine: MissionEngine | undefined,
    private readonly queue: TicketQueue,
    private readonly log: Logger,
  ) {}

  attach(ns: MissionNamespaces): () => void {
    this.ns = ns;
    const engine = this.engine;
    if (!engine) return () => undefined;
    const onUpdate = (u: MissionUpdate) => {
      const to = [ROBOT_SCREEN_ROOM];
      const socket = this.askedBy.get(u.mission_id);
      if (socket !== undefined) to.push(socket);
      ns.kiosk.to(to).emit('mission:update', u);
      ns.staff.emit('mission:update', u);
      if (u.state === 'completed' || u.state === 'failed' || u.state === 'cancelled')
        this.askedBy.delete(u.mission_id);
    };
    const onPath = (p: RobotPath) => ns.staff.emit('robot:path', p);
    engine.on('update', onUpdate);
    engine.on('path', onPath);
    return () => {
      engine.off('update', onUpdate);
      engine.off('path', onPath);
    };
  }

  kiosk(): KioskMissionHandlers {
    const e = this.engine;
    if (!e) return NO_ROBOT_KIOSK;
    return {
      'mission:guide': async ({ place, ticket_id }, ctx) => {
        let ticket: MissionTicket | null = null;
        if (ticket_id !== undefined) {
          const found = await this.ticket(ticket_id);
          if (!found.ok) return found;
          ticket = found.value;
        }
        const r = e.guide({ place, ticket }, { role: 'kiosk', actor: ctx.actor });
        if (r.ok) this.askedBy.set(r.value.mission_id, ctx.socketId);
        return r;
      },
      'mission:escort': async ({ ticket_id }, ctx) => {
        const found = await this.ticket(ticket_id);
        return found.ok ? e.requestEscort(ticket_id, ctx.actor) : found;
      },
      'mission:confirm': ({ mission_id }, ctx) =>
        this.screenOnly(ctx, 'confirm an escort', () => e.confirm(mission_id)),
      'mission:stop': ({ mission_id }, ctx) =>
        this.screenOnly(ctx, 'stop a trip', () => {
          this.log.info({ actor: ctx.actor, mission: mission_id }, 'Stop pressed on the robot screen');
          return e.screenStop(mission_id);
        }),
      'kiosk:register_robot_screen': (_req, ctx) => {
        this.ns?.kiosk.in(ctx.socketId).socketsJoin(ROBOT_SCREEN_ROOM);
        this.log.info({ actor: ctx.actor }, 'kiosk registered as the robot screen');
        return ok({ activity: e.activity(), mission: e.currentUpdate() });
      },
    };
  }

  staff(): StaffMissionHandlers {
    const e = this.engine;
    if (!e) return NO_ROBOT_STAFF;
    const logged = <T>(ctx: RequestContext, command: string, detail: object, run: () => T): T => {
      this.log.info({ actor: ctx.actor, command, ...detail }, 'robot command');
      return run();
    };
    return {
      'robot:stop': (_r, ctx) => logged(ctx, 'stop', {}, () => e.pause(ctx.actor)),
      'robot:pause': (_r, ctx) => logged(ctx, 'pause', {}, () => e.pause(ctx.actor)),
      'robot:resume': (_r, ctx) => logged(ctx, 'resume', {}, () => e.resume(ctx.actor)),
      'robot:send': ({ place }, ctx) => logged(ctx, 'send', { place }, () => e.send(place, ctx.actor)),
      'robot:recall': (_r, ctx) => logged(ctx, 'recall', {}, () => e.recall(ctx.actor)),
      'robot:dock': (_r, ctx) => logged(ctx, 'dock', {}, () => e.dock(ctx.actor)),
      'robot:undock': (_r, ctx) => logged(ctx, 'undock', {}, () => e.undock(ctx.actor)),
      'robot:anchor': (req, ctx) => logged(ctx, 'anchor', req, () => e.anchor(req, ctx.actor)),
      'mission:cancel': ({ mission_id }, ctx) =>
        logged(ctx, 'cancel', { mission_id }, () => e.cancel(mission_id, ctx.actor)),
      'mission:list': (query) => e.list(query),
      'robot:get_path': () => ok(e.path()),
    };
  }

  private screenOnly<T>(ctx: RequestContext, what: string, run: () => Result<T>): Result<T> {
    const room = this.ns?.kiosk.adapter.rooms.get(ROBOT_SCREEN_ROOM);
    if (!room?.has(ctx.socketId)) return err('FORBIDDEN', `only the robot's own screen may ${what}`);
    return run();
  }

  private async ticket(ticketId: string): Promise<Result<MissionTicket>> {
    try {
      const { ticket } = await this.queue.status(ticketId);
      return ok({
        ticket_id: ticket.id,
        number: ticket.number,
        language: ticket.language,
        counter_number: null,
      });
    } catch (e) {
      if (e instanceof TicketError) return err(e.wireCode, e.message);
      throw e;
    }
  }
}

const noRobot = (): Result<never> =>
  err('UNAVAILABLE', 'no robot is configured on this bridge (ROBOT_PORT)', 'no_robot');
const NO_ROBOT_KIOSK: KioskMissionHandlers = {
  'mission:guide': noRobot,
  'mission:escort': noRobot,
  'mission:confirm': noRobot,
  'mission:stop': noRobot,
  'kiosk:register_robot_screen': noRobot,
};
const NO_ROBOT_STAFF: StaffMissionHandlers = {
  'robot:stop': noRobot,
  'robot:send': noRobot,
  'robot:recall': noRobot,
  'robot:pause': noRobot,
  'robot:resume': noRobot,
  'robot:dock': noRobot,
  'robot:undock': noRobot,
  'robot:anchor': noRobot,
  'robot:get_path': noRobot,
  'mission:cancel': noRobot,
  'mission:list': noRobot,
};
