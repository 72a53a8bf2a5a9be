import {
  err,
  ok,
  type AnchorRobotRequest,
  type GuideAccepted,
  type GuideRefusal,
  type MissionKind,
  type MissionList,
  type MissionListQuery,
  type MissionReason,
  type MissionTicket,
  type MissionUpdate,
  type QueueEvent,
  type Result,
  type RobotActivity,
  type Ticket,
} from '@reception/protocol';
import { EngineCore, type Origin } from './engine-core.ts';
import type { Pose } from './geometry.ts';
import { PAUSE, type ActiveMission } from './mission-runner.ts';
import type { MissionEnd } from './mission-steps.ts';

const REFUSAL_TEXT: Record<GuideRefusal, string> = {
  queue_full: 'the robot already has a full queue of guidance requests',
  battery_low: 'the robot is low on battery and is going to charge',
  estop: 'the robot is stopped (emergency stop)',
  link_down: 'the robot is not connected',
  needs_staff: 'the robot is waiting for staff',
  no_robot: 'there is no robot here',
};

const REFUSAL_REASON: Record<Exclude<GuideRefusal, 'queue_full' | 'no_robot'>, MissionReason> = {
  battery_low: 'battery_low',
  estop: 'estop',
  link_down: 'link_lost',
  needs_staff: 'interrupted',
};

/**
 * The mission engine (DESIGN.md section 5): one mission at a time, a short queue of kiosk guidance
 * requests, staff commands that preempt them, call-ahead escorts from the queue's calls, and a safe state
 * with a reason after every fault. Every request answers a `Result`; a refused request changes nothing.
 */
export class MissionEngine extends EngineCore {
  /** The way home after a failure fell due while the link was down: it starts once the link is back. */
  private returnPending = false;

  /** Marks missions left open by a previous run `interrupted`; the robot then waits for staff. */
  start(): void {
    let interrupted = 0;
    const at = this.clock.wallTime().getTime();
    for (const row of this.store.openMissions()) {
      const state = row.state === 'queued' ? 'cancelled' : 'failed';
      this.store.update(row.id, { state, reason: 'interrupted', endedAt: at });
      this.store.addEvent(row.id, { at, state, reason: 'interrupted', detail: 'the bridge restarted' });
      if (state === 'failed') interrupted++;
    }
    this.linkUp = this.base.state === 'up';
    void this.warmTripEtas();
    if (interrupted > 0) {
      this.log.warn(
        { missions: interrupted },
        'missions interrupted by a bridge restart: robot stopped, waiting for staff',
      );
      this.markNeedsStaff('interrupted');
      if (this.linkUp) this.base.stop('HOST').catch(() => undefined);
    }
    this.emitActivity();
  }

  // ---- kiosk -----------------------------------------------------------------------------------------

  guide(req: { place: string; ticket: MissionTicket | null }, origin: Origin): Result<GuideAccepted> {
    if (!this.places.get(req.place)) return err('NOT_FOUND', `unknown place '${req.place}'`);
    if (!this.places.guidable().has(req.place)) {
      return err('FORBIDDEN', `'${req.place}' is not a counter or facility a kiosk may ask for`);
    }
    const refusal = this.refusal();
    if (refusal) return err('UNAVAILABLE', REFUSAL_TEXT[refusal], refusal);
    const waiting = this.queue.filter((q) => q.row.kind === 'guide').length;
    if (waiting >= this.options.queueMax) return err('CONFLICT', REFUSAL_TEXT.queue_full, 'queue_full');
    const m = this.newMission('guide', req.place, origin, req.ticket);
    if (!this.busy()) {
      this.launch(m);
      return ok({ mission_id: m.row.id, queue_position: 0, eta_s: Math.round(this.tripEta(req.place)) });
    }
    this.queue.push(m);
    const pos = this.queue.indexOf(m);
    this.emitUpdate(m);
    return ok({
      mission_id: m.row.id,
      queue_position: pos + 1,
      eta_s: Math.round(this.waitBefore(pos) + this.tripEta(req.place)),
    });
  }

  /** The citizen confirmed on the robot's screen that they follow (call-ahead escort). */
  confirm(missionId: string): Result<null> {
    const m = this.current;
    if (!m || m.row.id !== missionId || m.finished) return this.notCurrent(missionId);
    if (m.row.state !== 'calling' || !m.confirm)
      return err('CONFLICT', `mission is ${m.row.state}, not calling`);
    this.log.info({ mission: missionId }, 'escort confirmed on the robot screen');
    m.confirm();
    return ok(null);
  }

  /** The Stop button on the robot's screen. */
  screenStop(missionId: string): Result<null> {
    return this.cancelMission(missionId, 'robot screen');
  }

  /** Call-ahead: remember that this ticket's holder wants to be fetched when called. */
  requestEscort(ticketId: string, actor: string): Result<{ ticket_id: string }> {
    this.store.addEscortRequest(ticketId, actor, this.clock.wallTime().getTime());
    return ok({ ticket_id: ticketId });
  }

  /** The mission a robot screen should show now. */
  currentUpdate(): MissionUpdate | null {
    const m = this.current;
    return m && !m.finished ? this.buildUpdate(m) : null;
  }

  // ---- staff -----------------------------------------------------------------------------------------

  send(place: string, actor: string): Promise<Result<{ mission_id: string }>> {
    if (!this.places.get(place)) return Promise.resolve(err('NOT_FOUND', `unknown place '${place}'`));
    return this.staffMission('send', place, actor);
  }

  recall(actor: string): Promise<Result<{ mission_id: string }>> {
    return this.staffMission('recall', this.places.roles.home, actor);
  }

  dock(actor: string): Promise<Result<{ mission_id: string }>> {
    return this.staffMission('dock', this.places.roles.dock, actor);
  }

  undock(actor: string): Promise<Result<{ mission_id: string }>> {
    return this.staffMission('undock', this.places.roles.dock, actor);
  }

  /** Pause (also staff's `robot:stop`): the robot stops, the mission waits for `resume`. */
  async pause(actor: string): Promise<Result<null>> {
    const m = this.current;
    this.log.info({ actor, mission: m?.row.id }, 'robot paused by staff');
    if (!m || m.finished || m.paused) {
      try {
        await this.base.stop('STAFF');
      } catch (e) {
        return err('UNAVAILABLE', `the robot did not confirm the stop: ${(e as Error).message}`);
      }
      return ok(null);
    }
    m.paused = true;
    this.setState(m, 'paused', `by ${actor}`);
    m.controller.abort(PAUSE);
    return ok(null);
  }

  resume(actor: string): Result<null> {
    const m = this.current;
    if (!m || m.finished || !m.paused) return err('CONFLICT', 'no mission is paused');
    if (!this.linkUp || this.estopLatched)
      return err('UNAVAILABLE', 'the robot cannot move now (link or e-stop)');
    this.log.info({ actor, mission: m.row.id }, 'mission resumed by staff');
    m.paused = false;
    m.resume?.();
    return ok(null);
  }

  cancel(missionId: string | undefined, actor: string): Result<null> {
    const id = missionId ?? this.current?.row.id;
    if (id === undefined || (missionId === undefined && this.current?.finished)) {
      return err('CONFLICT', 'no mission is running');
    }
    return this.cancelMission(id, actor);
  }

  list(query: MissionListQuery): Result<MissionList> {
    return ok({ missions: this.store.list(query) });
  }

  /** Staff "the robot is here". Not while it drives: pause it first. */
  anchor(req: AnchorRobotRequest, actor: string): Result<RobotActivity> {
    const m = this.current;
    if (m && !m.finished && !m.paused) return err('CONFLICT', 'the robot is on a mission: pause it first');
    let pose: Pose | undefined;
    if ('place' in req) {
      pose = this.places.stopPose(req.place);
      if (!pose) return err('NOT_FOUND', `unknown place '${req.place}'`);
    } else pose = { x: req.pose.x, y: req.pose.y, theta: req.pose.theta };
    if (!this.places.onMap(pose)) return err('INVALID_PAYLOAD', `(${pose.x}, ${pose.y}) is off the map`);
    this.log.info({ actor, pose }, 'robot re-anchored by staff');
    this.localization.anchor(pose, `staff:${actor}`);
    this.emitActivity();
    return ok(this.activity());
  }

  // ---- the queue system ------------------------------------------------------------------------------

  /** Queue events: a call may start a call-ahead escort; a closed ticket cancels one not yet under way. */
  onQueueEvent(ev: QueueEvent): void {
    switch (ev.type) {
      case 'ticket.called':
        if (ev.ticket && ev.counter_id) this.maybeEscort(ev.ticket, ev.counter_id, ev.actor);
        return;
      case 'ticket.started':
      case 'ticket.completed':
      case 'ticket.no_show':
      case 'ticket.cancelled':
      case 'ticket.transferred':
        if (ev.ticket) this.closeEscort(ev.ticket.id);
        return;
      case 'ticket.created':
      case 'ticket.recalled':
      case 'ticket.rated':
      case 'counter.opened':
      case 'counter.closed':
      case 'queue.reset':
        return;
      default: {
        const never: never = ev.type;
        return never;
      }
    }
  }

  private maybeEscort(ticket: Ticket, counterId: string, actor: string): void {
    const s = this.places.escortSettings();
    if (s.mode === 'off') return;
    const byClass = ticket.priority_class !== null && s.classes.includes(ticket.priority_class);
    const asked = s.mode === 'asked' && this.store.hasEscortRequest(ticket.id);
    if (!byClass && !asked) return;
    if (this.escortFor(ticket.id)) return;
    const counter = this.places.counter(counterId);
    if (!counter || !this.places.get(counter.place)) {
      this.log.warn({ counter: counterId }, 'escort skipped: the counter has no place on the map');
      return;
    }
    const info: MissionTicket = {
      ticket_id: ticket.id,
      number: ticket.number,
      language: ticket.language,
      counter_number: counter.number,
    };
    const m = this.newMission('escort', counter.place, { role: 'system', actor: `counter:${actor}` }, info);
    const refusal = this.refusal();
    if (refusal) {
      const reason =
        refusal === 'needs_staff'
          ? (this.needsStaff ?? 'interrupted')
          : refusal === 'queue_full' || refusal === 'no_robot'
            ? 'base_rejected'
            : REFUSAL_REASON[refusal];
      this.finish(m, { state: 'failed', reason, detail: REFUSAL_TEXT[refusal] });
      return;
    }
    // Escorts go ahead of kiosk requests: the counter is waiting for this citizen now.
    const at = this.queue.findIndex((q) => q.row.kind !== 'escort');
    this.queue.splice(at < 0 ? this.queue.length : at, 0, m);
    this.emitUpdate(m);
    for (const q of this.queue) if (q !== m) this.emitUpdate(q);
    this.next();
  }

  private escortFor(ticketId: string): ActiveMission | undefined {
    const open = [...(this.current && !this.current.finished ? [this.current] : []), ...this.queue];
    return open.find((m) => m.row.kind === 'escort' && m.row.ticket?.ticket_id === ticketId);
  }

  private closeEscort(ticketId: string): void {
    const m = this.escortFor(ticketId);
    if (!m) return;
    if (this.queue.includes(m)) this.cancelQueue('ticket_closed', (q) => q === m);
    else if (m.row.state === 'fetching' || m.row.state === 'calling' || m.row.state === 'undocking') {
      this.endCurrent({ state: 'cancelled', reason: 'ticket_closed' });
    }
  }

  // ---- battery ---------------------------------------------------------------------------------------

  protected onBatteryLevel(socPct: number, charging: boolean): void {
    if (!this.batteryLow && socPct < this.options.batteryLowPct && !charging) {
      this.batteryLow = true;
      this.log.warn({ soc: socPct }, 'battery low: no new guidance, docking after the current trip');
      this.cancelQueue('battery_low');
      const c = this.current;
      const before =
        c &&
        !c.finished &&
        (c.row.kind === 'send' ||
          (c.row.kind === 'escort' && !['guiding', 'arrived', 'returning'].includes(c.row.state)));
      if (before) this.endCurrent({ state: 'failed', reason: 'battery_low', detail: `battery ${socPct} %` });
      else this.next();
      this.emitActivity();
    } else if (this.batteryLow && socPct >= this.options.batteryResumePct) {
      this.batteryLow = false;
      this.log.info({ soc: socPct }, 'battery recovered: taking requests again');
      this.emitActivity();
    }
  }

  // ---- arbitration -----------------------------------------------------------------------------------

  private refusal(): GuideRefusal | undefined {
    if (!this.linkUp) return 'link_down';
    if (this.estopLatched || this.motorFault) return 'estop';
    if (this.needsStaff || !this.localization.pose) return 'needs_staff';
    if (this.batteryLow) return 'battery_low';
    return undefined;
  }

  /** A mission runs, or is still stopping after it ended, or others wait: a new one queues. */
  private busy(): boolean {
    return this.current !== undefined || this.queue.length > 0;
  }

  /** Staff commands run one after another; each preempts whatever runs (its kiosk is told `preempted`). */
  private staffMission(
    kind: MissionKind,
    place: string,
    actor: string,
  ): Promise<Result<{ mission_id: string }>> {
    const run = async (): Promise<Result<{ mission_id: string }>> => {
      if (!this.linkUp) return err('UNAVAILABLE', REFUSAL_TEXT.link_down, 'link_down');
      if (this.estopLatched) return err('CONFLICT', 'the e-stop is latched: reset it first', 'estop');
      if (!this.localization.pose) return err('UNAVAILABLE', 'the robot has no map pose yet', 'needs_staff');
      const m = this.newMission(kind, place, { role: 'staff', actor }, null);
      this.needsStaff = undefined;
      while (this.current) {
        const c = this.current;
        this.endCurrent({ state: 'cancelled', reason: 'preempted', detail: `${kind} by ${actor}` });
        await c.done;
        if (this.current === c) this.current = undefined;
      }
      this.launch(m);
      return ok({ mission_id: m.row.id });
    };
    const p = this.chain.then(run, run);
    this.chain = p.catch(() => undefined);
    return p;
  }

  private cancelMission(missionId: string, actor: string): Result<null> {
    const queued = this.queue.find((q) => q.row.id === missionId);
    if (queued) {
      this.log.info({ actor, mission: missionId }, 'queued mission cancelled');
      this.cancelQueue('cancelled', (q) => q === queued);
      return ok(null);
    }
    const m = this.current;
    if (!m || m.row.id !== missionId || m.finished) return this.notCurrent(missionId);
    this.log.info({ actor, mission: missionId }, 'mission cancelled');
    this.endCurrent({ state: 'cancelled', reason: 'cancelled', detail: `by ${actor}` });
    return ok(null);
  }

  private notCurrent(missionId: string): Result<null> {
    const rec = this.store.get(missionId);
    return rec
      ? err('CONFLICT', `mission is ${rec.state}`)
      : err('NOT_FOUND', `unknown mission ${missionId}`);
  }

  protected afterMission(m: ActiveMission, end: MissionEnd): void {
    if (end.reason === 'preempted') return; // the staff command that preempted it starts its own
    if (EngineCore.needsStaffAfter(end)) return this.waitForStaff(end);
    if (end.state === 'completed' || this.docked) return this.next();
    // The way home itself failed, or staff cancelled it: nothing drives by itself then.
    const homeward = m.returning || m.row.kind === 'recall' || m.row.kind === 'dock';
    const away = () => !this.atHome() && !this.docked;
    if (homeward && away()) return this.waitForStaff(end);
    // Stay stopped a moment (the citizen sees the trip ended, staff may step in), then go home; if the
    // link is down just then, as soon as it is back. Whether the robot is away is judged then too, once
    // it stands still: a trip stopped just after leaving ends within the home tolerance, and braking
    // carries the robot beyond it (it stayed there, idle, on a loaded CI machine).
    this.clock.setTimeout(() => {
      if (this.current || this.needsStaff || this.estopLatched || !away()) return;
      if (homeward) this.waitForStaff(end);
      else if (!this.linkUp) this.returnPending = true;
      else this.goHome();
    }, this.options.returnDelayS * 1000);
    if (!away()) this.next();
  }

  private waitForStaff(end: MissionEnd): void {
    this.markNeedsStaff(end.reason ?? 'cancelled');
    this.cancelQueue(end.reason ?? 'cancelled');
  }

  protected linkBack(): void {
    const due = this.returnPending;
    this.returnPending = false;
    if (!this.free()) return;
    // Without this, a robot left away after a failure, or a low battery seen during the stall, would wait
    // for staff although nothing is wrong.
    if (due && !this.atHome() && !this.docked) this.goHome();
    else this.next();
  }

  protected override launch(m: ActiveMission): void {
    this.returnPending = false; // someone decided what the robot does next
    super.launch(m);
  }

  /** Home, or the dock when the battery is low. */
  private goHome(): void {
    this.startSystem(this.batteryLow ? 'dock' : 'recall');
  }

  /** Nothing runs and the robot may move: no fault for staff, link up, e-stop released. */
  private free(): boolean {
    return !this.current && !this.needsStaff && this.linkUp && !this.estopLatched;
  }

  private startSystem(kind: 'recall' | 'dock'): void {
    const place = kind === 'dock' ? this.places.roles.dock : this.places.roles.home;
    this.launch(this.newMission(kind, place, { role: 'system', actor: 'system' }, null));
  }

  /** Starts what comes next, if the robot can move: the dock when the battery is low, else the queue. */
  protected next(): void {
    if (!this.free()) return;
    if (this.batteryLow) {
      if (!this.docked) this.startSystem('dock');
      return;
    }
    const m = this.queue.shift();
    if (m) this.launch(m);
  }
}
