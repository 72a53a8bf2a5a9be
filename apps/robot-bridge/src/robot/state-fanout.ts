import type { EventEmitter } from 'node:events';
import type { Namespace, Socket } from 'socket.io';

/** The part of an engine.io connection this reads (its write buffer is not in engine.io's public types). */
interface Connection extends EventEmitter {
  transport: EventEmitter & { writable: boolean };
  writeBuffer?: unknown[];
}

/** Nothing of this client is waiting to be written: its transport is free and its buffer empty. */
function idle(socket: Socket): boolean {
  const conn = socket.conn as unknown as Connection;
  return conn.transport.writable && (conn.writeBuffer?.length ?? 0) === 0;
}

/**
 * Sends every client of a namespace the latest value of one event without ever queueing stale ones: a
 * client whose connection is still writing something is skipped, and once its transport is free again it
 * gets the value that is latest then. So at most one value is in flight per client, a slow tablet never
 * builds up a backlog of old poses, and a fast one sees each value on the turn it was published. Clients
 * that are free share one encoded packet (socket.io's broadcast with the busy ones excepted).
 */
export class LatestValueFanout<T> {
  private latest: T | undefined;
  private readonly waiting = new Set<string>();

  constructor(
    private readonly nsp: Namespace,
    private readonly event: string,
  ) {}

  publish(value: T): void {
    this.latest = value;
    const busy: string[] = [];
    for (const socket of this.nsp.sockets.values()) {
      if (this.waiting.has(socket.id)) busy.push(socket.id);
      else if (!idle(socket)) {
        busy.push(socket.id);
        this.wait(socket);
      }
    }
    (busy.length > 0 ? this.nsp.except(busy) : this.nsp).emit(this.event, value);
  }

  /** Clients waiting for their connection to free up (for tests and metrics). */
  get waitingClients(): number {
    return this.waiting.size;
  }

  private wait(socket: Socket): void {
    this.waiting.add(socket.id);
    const conn = socket.conn as unknown as Connection;
    let transport = conn.transport;
    const done = () => {
      transport.off('ready', retry);
      conn.off('upgrade', onUpgrade);
      conn.off('close', done);
      this.waiting.delete(socket.id);
    };
    // engine.io's own 'ready' listener runs first and may start writing what it had buffered: then wait on.
    const retry = () => {
      if (!idle(socket)) return;
      done();
      if (this.latest !== undefined && socket.connected) socket.emit(this.event, this.latest);
    };
    const onUpgrade = (next: Connection['transport']) => {
      transport.off('ready', retry);
      transport = next;
      transport.on('ready', retry);
      retry();
    };
    transport.on('ready', retry);
    conn.on('upgrade', onUpgrade);
    conn.on('close', done);
  }
}
