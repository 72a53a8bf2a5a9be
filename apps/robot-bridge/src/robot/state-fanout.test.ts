import { EventEmitter } from 'node:events';
import type { Namespace } from 'socket.io';
import { describe, expect, it } from 'vitest';
import { LatestValueFanout } from './state-fanout.ts';

/** A client whose connection is free or still writing, recording what it was sent. */
class Client {
  readonly received: number[] = [];
  readonly conn = Object.assign(new EventEmitter(), {
    transport: Object.assign(new EventEmitter(), { writable: true }),
    writeBuffer: [] as unknown[],
  });
  connected = true;
  constructor(readonly id: string) {}
  emit(_event: string, value: number): void {
    this.received.push(value);
  }
  /** The connection finished writing: engine.io's transport says 'ready'. */
  drain(): void {
    this.conn.transport.writable = true;
    this.conn.transport.emit('ready');
  }
}

function namespace(clients: Client[]) {
  const sockets = new Map(clients.map((c) => [c.id, c]));
  const broadcast = (except: Set<string>) => ({
    emit: (event: string, value: number) => {
      for (const c of clients) if (!except.has(c.id)) c.emit(event, value);
    },
  });
  return {
    sockets,
    except: (ids: string[]) => broadcast(new Set(ids)),
    emit: (event: string, value: number) => broadcast(new Set()).emit(event, value),
  } as unknown as Namespace;
}

describe('latest-value fan-out', () => {
  it('sends each free client every value, and a busy one only the latest once it is free', () => {
    const fast = new Client('fast');
    const slow = new Client('slow');
    const fanout = new LatestValueFanout<number>(namespace([fast, slow]), 'robot:state');
    fanout.publish(1);
    slow.conn.transport.writable = false; // still writing value 1
    fanout.publish(2);
    fanout.publish(3);
    fanout.publish(4);
    expect(fast.received).toEqual([1, 2, 3, 4]);
    expect(slow.received).toEqual([1]);
    expect(fanout.waitingClients).toBe(1);
    slow.drain();
    expect(slow.received).toEqual([1, 4]);
    expect(fanout.waitingClients).toBe(0);
  });

  it('waits on while engine.io still has its own packets buffered, and forgets a client that left', () => {
    const a = new Client('a');
    const b = new Client('b');
    const fanout = new LatestValueFanout<number>(namespace([a, b]), 'robot:state');
    a.conn.writeBuffer.push('mission:update');
    fanout.publish(1);
    expect(a.received).toEqual([]);
    a.drain(); // engine.io flushes its buffer on this 'ready': still busy
    expect(a.received).toEqual([]);
    a.conn.writeBuffer.length = 0;
    a.drain();
    expect(a.received).toEqual([1]);

    b.conn.transport.writable = false;
    fanout.publish(2);
    b.conn.emit('close');
    expect(fanout.waitingClients).toBe(0);
    b.drain();
    expect(b.received).toEqual([1]);
  });
});
