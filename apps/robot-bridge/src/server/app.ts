import type { Server as HttpServer } from 'node:http';
import {
  adminRequests,
  displayRequests,
  handshakeAuthSchema,
  kioskRequests,
  NAMESPACES,
  ok,
  staffRequests,
  type AdminClientEvents,
  type AdminServerEvents,
  type BridgeInfo,
  type DisplayClientEvents,
  type DisplayServerEvents,
  type KioskClientEvents,
  type KioskServerEvents,
  type PrincipalRole,
  type Result,
  type RobotMap,
  type RobotState,
  type RpcMap,
  type StaffClientEvents,
  type StaffServerEvents,
} from '@reception/protocol';
import type { TicketQueue } from '@reception/queue';
import type { TicketPrinter } from '@reception/ticket-printing';
import type { Logger } from 'pino';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { Server, type Namespace, type Socket } from 'socket.io';
import {
  type AuditLog,
  type Authenticator,
  credentialKey,
  type CredentialKey,
  type Principal,
} from '@reception/access';
import type { MissionSockets } from '../missions/socket-handlers.ts';
import type { RobotService } from '../robot/robot-service.ts';
import { LatestValueFanout } from '../robot/state-fanout.ts';
import type { SystemHealthMonitor } from '@reception/queue';
import type { SiteStore } from '../site/site-store.ts';
import {
  displayTicketHandlers,
  kioskTicketHandlers,
  staffTicketHandlers,
} from '../tickets/socket-handlers.ts';
import { kioskDossierHandlers, type DossierHandlerDeps } from '../dossiers/socket-handlers.ts';
import { kioskJourneyHandlers } from '../kiosk/socket-handlers.ts';
import {
  broadcastStaffCalls,
  kioskStaffCallHandlers,
  staffStaffCallHandlers,
} from '../staff-calls/socket-handlers.ts';
import type { StaffCallRegistry } from '../staff-calls/staff-call-registry.ts';
import { originAllowed } from './origin.ts';
import { bindRequests, type Handlers, type RequestContext, type RequestDeps } from './requests.ts';

/** Admin-only requests (tokens, sessions, site reload) and the audit search, built by `admin/`. */
export type AdminHandlers = Pick<
  Handlers<typeof adminRequests>,
  | 'site:reload'
  | 'token:create'
  | 'token:list'
  | 'token:rename'
  | 'token:revoke'
  | 'session:list'
  | 'session:revoke'
  | 'audit:search'
>;

export interface BridgeComponents {
  log: Logger;
  metrics: Registry;
  site: SiteStore;
  auth: Authenticator;
  audit: AuditLog;
  /** Web origins besides the bridge's own whose pages may open sockets (e.g. the Electron kiosk's). */
  allowedOrigins: readonly string[];
  /** The queue system (embedded or external) and the kiosk ticket printer, if one is attached here. */
  tickets: { queue: TicketQueue; printer?: TicketPrinter | undefined; publicUrl: () => string };
  /** The robot base as staff see and command it (`link: 'absent'` when none is configured). */
  robot: RobotService;
  /** Dossier status lookups for kiosks (`dossier:status`). */
  dossiers: DossierHandlerDeps;
  /** Citizens' calls for staff from kiosks. */
  staffCalls: StaffCallRegistry;
  /** Built with the live socket count per session (`admin/admin-handlers.ts`). */
  admin: (sockets: (key: CredentialKey) => number) => AdminHandlers;
  /** Mission requests of kiosks and staff, and the routing of `mission:update` and `robot:path`. */
  missions: MissionSockets;
  /** The site map as the console draws it (`robot:get_map`). */
  robotMap: () => Promise<Result<RobotMap>>;
  /** Printer and queue-system problems (`system:get_health`, broadcast `system:health`). */
  systemHealth: SystemHealthMonitor;
  version: string;
  startedAt: Date;
}

export interface BridgeApplication {
  io: Server;
  namespaces: {
    kiosk: Namespace<KioskClientEvents, KioskServerEvents>;
    display: Namespace<DisplayClientEvents, DisplayServerEvents>;
    staff: Namespace<StaffClientEvents, StaffServerEvents>;
    admin: Namespace<AdminClientEvents, AdminServerEvents>;
  };
  close(): Promise<void>;
}

/** Which principals each namespace admits. */
const ADMITS: Record<PrincipalRole, (p: Principal) => boolean> = {
  kiosk: (p) => p.kind === 'device' && p.role === 'kiosk',
  display: (p) => p.kind === 'device' && p.role === 'display',
  staff: (p) => p.kind === 'staff',
  admin: (p) => p.kind === 'staff' && p.role === 'admin',
};

/**
 * Wires socket.io on an HTTP server: one namespace per role, each admitting its principals (the
 * `Authenticator` decides who holds a token), binding its requests through the permission table, and
 * broadcasting. Takes every dependency as a component; `bridge.ts` picks the concrete ones.
 */
export function createApplication(httpServer: HttpServer, c: BridgeComponents): BridgeApplication {
  const io = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    cors: { origin: false },
    // A page from a foreign web origin may not open a socket at all (non-browser clients send no Origin).
    allowRequest: (req, callback) =>
      callback(null, originAllowed(req.headers.origin, req.headers.host, c.allowedOrigins)),
  });
  const requestDeps: RequestDeps = {
    log: c.log,
    auth: c.auth,
    audit: c.audit,
    metrics: {
      requests: new Counter({
        name: 'bridge_requests_total',
        help: 'Socket requests by role, event and outcome',
        labelNames: ['role', 'event', 'outcome'],
        registers: [c.metrics],
      }),
      duration: new Histogram({
        name: 'bridge_request_duration_seconds',
        help: 'Socket request handling time',
        labelNames: ['role', 'event'],
        buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        registers: [c.metrics],
      }),
    },
  };
  const connected = new Map<PrincipalRole, number>();
  new Gauge({
    name: 'bridge_clients_connected',
    help: 'Connected socket clients by role',
    labelNames: ['role'],
    registers: [c.metrics],
    collect() {
      for (const [role, value] of connected) this.set({ role }, value);
    },
  });

  // Live sockets per credential, so an ended session or revoked device loses its sockets at once.
  const live = new Map<CredentialKey, Set<Socket>>();
  // On the next turn: a request that found its session ended gets its UNAUTHORIZED answer out first.
  const stopListening = c.auth.onEnded((key) => {
    setImmediate(() => {
      for (const socket of live.get(key) ?? []) socket.disconnect(true);
    });
  });

  /** One namespace: who may connect, the connection gauge, then `onConnect` binds its requests. */
  const setup = (role: PrincipalRole, onConnect: (socket: Socket, ctx: RequestContext) => void) => {
    const nsp = io.of(NAMESPACES[role]);
    nsp.use((socket, next) => {
      const auth = handshakeAuthSchema.safeParse(socket.handshake.auth);
      const principal = auth.success ? c.auth.authenticate(auth.data.token) : undefined;
      if (!principal || !ADMITS[role](principal)) {
        c.log.warn({ role, address: socket.handshake.address }, 'socket rejected: bad or missing token');
        next(Object.assign(new Error('UNAUTHORIZED'), { data: { code: 'UNAUTHORIZED' } }));
        return;
      }
      (socket.data as { principal?: Principal }).principal = principal;
      next();
    });
    nsp.on('connection', (socket) => {
      const principal = (socket.data as { principal: Principal }).principal;
      const key = credentialKey(principal);
      const sockets = live.get(key) ?? new Set();
      live.set(key, sockets.add(socket));
      connected.set(role, (connected.get(role) ?? 0) + 1);
      c.log.debug({ role, actor: principal.actor }, 'client connected');
      socket.on('disconnect', (reason) => {
        connected.set(role, (connected.get(role) ?? 1) - 1);
        sockets.delete(socket);
        if (sockets.size === 0) live.delete(key);
        c.log.debug({ role, actor: principal.actor, reason }, 'client disconnected');
      });
      onConnect(socket, {
        role,
        actor: principal.actor,
        principal,
        socketId: socket.id,
        address: socket.handshake.address,
      });
    });
    return nsp;
  };
  const bind = <M extends RpcMap>(socket: Socket, requests: M, handlers: Handlers<M>, ctx: RequestContext) =>
    bindRequests(socket, requests, handlers, ctx, requestDeps);

  const info = (): BridgeInfo => ({
    version: c.version,
    site_id: c.site.current.site.id,
    started_at: c.startedAt.toISOString(),
  });
  const siteHandlers = {
    'site:get': () => ok(c.site.catalogue),
    'bridge:info': () => ok(info()),
  };

  const ticketDeps = { ...c.tickets, catalogue: () => c.site.catalogue, log: c.log };
  const journeys = kioskJourneyHandlers({
    site: c.site,
    queue: c.tickets.queue,
    log: c.log.child({ ns: 'kiosk' }),
  });
  const languageChoices = new Counter({
    name: 'kiosk_language_choices_total',
    help: 'Languages citizens picked',
    labelNames: ['language'],
    registers: [c.metrics],
  });
  const kiosk = setup('kiosk', (socket, ctx) =>
    bind(
      socket,
      kioskRequests,
      {
        ...siteHandlers,
        ...kioskTicketHandlers(ticketDeps),
        ...kioskDossierHandlers(c.dossiers),
        // The console shows the kiosk by the name it was given when its token was made.
        ...kioskStaffCallHandlers(c.staffCalls, (ctx) =>
          ctx.principal.kind === 'device' ? ctx.principal.name : ctx.actor,
        ),
        ...journeys,
        ...c.missions.kiosk(),
        'session:language': ({ language }) => {
          languageChoices.inc({ language });
          return ok(null);
        },
      },
      ctx,
    ),
  ) as unknown as Namespace<KioskClientEvents, KioskServerEvents>;

  const display = setup('display', (socket, ctx) =>
    bind(socket, displayRequests, { ...siteHandlers, ...displayTicketHandlers(ticketDeps) }, ctx),
  ) as unknown as Namespace<DisplayClientEvents, DisplayServerEvents>;

  const robotHandlers = {
    'robot:get': () => ok(c.robot.state),
    'robot:get_map': () => c.robotMap(),
    'robot:estop': (_: unknown, ctx: RequestContext) => c.robot.estop(ctx.actor),
    'robot:estop_reset': (_: unknown, ctx: RequestContext) => c.robot.resetEstop(ctx.actor),
    'robot:stop': (_: unknown, ctx: RequestContext) => c.robot.stop(ctx.actor),
  };
  const admin = c.admin((key) => live.get(key)?.size ?? 0);

  const staff = setup('staff', (socket, ctx) =>
    bind(
      socket,
      staffRequests,
      {
        ...siteHandlers,
        ...staffTicketHandlers(ticketDeps),
        ...robotHandlers,
        ...c.missions.staff(),
        ...staffStaffCallHandlers(c.staffCalls, (ctx) =>
          ctx.principal.kind === 'staff' ? ctx.principal.who.display_name : ctx.actor,
        ),
        'audit:search': admin['audit:search'],
        'system:get_health': () => ok(c.systemHealth.health),
      },
      ctx,
    ),
  ) as unknown as Namespace<StaffClientEvents, StaffServerEvents>;

  const adminNsp = setup('admin', (socket, ctx) =>
    bind(socket, adminRequests, { ...siteHandlers, ...admin }, ctx),
  ) as unknown as Namespace<AdminClientEvents, AdminServerEvents>;

  const onSiteChanged = () => {
    const payload = { site_id: c.site.current.site.id };
    kiosk.emit('site:changed', payload);
    display.emit('site:changed', payload);
    staff.emit('site:changed', payload);
    adminNsp.emit('site:changed', payload);
  };
  c.site.on('changed', onSiteChanged);
  // Kiosks are not told of every call: they ask about their own ticket (`ticket:status`). Fanning each event
  // out to every kiosk cost more than issuing the ticket itself (bench:tickets p99 23 ms -> 6 ms at 100/s).
  const unsubscribeQueue = c.tickets.queue.subscribe((event) => {
    display.emit('queue:event', event);
    staff.emit('queue:event', event);
  });
  // Coalesced states go to each console as soon as it has taken the previous one (never a backlog of
  // stale poses); the old fixed tick (bench baseline) broadcast to everyone at once.
  const fanout = new LatestValueFanout<RobotState>(staff, 'robot:state');
  const onRobotState =
    c.robot.publishing.mode === 'coalesce'
      ? (state: RobotState) => fanout.publish(state)
      : (state: RobotState) => staff.emit('robot:state', state);
  c.robot.on('state', onRobotState);
  const onSystemHealth = (h: Parameters<StaffServerEvents['system:health']>[0]) =>
    staff.emit('system:health', h);
  c.systemHealth.on('change', onSystemHealth);
  const stopStaffCalls = broadcastStaffCalls(c.staffCalls, { kiosk, staff });
  const detachMissions = c.missions.attach({ kiosk, staff });

  return {
    io,
    namespaces: { kiosk, display, staff, admin: adminNsp },
    close: async () => {
      c.site.off('changed', onSiteChanged);
      unsubscribeQueue();
      stopListening();
      c.robot.off('state', onRobotState);
      c.systemHealth.off('change', onSystemHealth);
      stopStaffCalls();
      detachMissions();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
    },
  };
}
