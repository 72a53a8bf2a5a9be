import { copyFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Result, Site } from '@reception/protocol';
import { io, type Socket } from 'socket.io-client';
import { makeTicketSiteDir } from '@reception/protocol/testing/site-fixtures';
import { DEFAULT_THROTTLE, type ThrottlePolicy } from '@reception/access';
import { startBridge, type BridgeOptions, type RunningBridge } from '../bridge.ts';
import { readConfig } from '../config.ts';
import { createLogger } from '../log.ts';

/** A websocket-only client without reconnection, kept in `sockets` for closing; resolves once connected. */
function openSocket(
  sockets: Socket[],
  url: string,
  token: string,
  extraHeaders?: Record<string, string>,
): Promise<Socket> {
  const socket = io(url, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    ...(extraHeaders ? { extraHeaders } : {}),
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Test clients of a running bridge: sockets that are closed together, staff login, requests with acks. */
export class BridgeClients {
  private readonly sockets: Socket[] = [];
  constructor(private readonly bridge: () => RunningBridge) {}

  connect(nsp: string, token: string, extraHeaders?: Record<string, string>): Promise<Socket> {
    return openSocket(this.sockets, `${this.bridge().url}${nsp}`, token, extraHeaders);
  }

  login(username: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.bridge().url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ username, password }),
    });
  }

  /** A session token, or throws with the bridge's answer. */
  async token(
    username: string,
    password = username === 'lead' ? 'demo-admin-pass' : 'demo-counter',
  ): Promise<string> {
    const res = await this.login(username, password);
    const body = (await res.json()) as { token?: string };
    if (!body.token) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(body)}`);
    return body.token;
  }

  closeAll(): void {
    for (const s of this.sockets) s.close();
  }
}

export const call = <T>(s: Socket, event: string, payload: unknown) =>
  s.timeout(5000).emitWithAck(event, payload) as Promise<Result<T>>;

/** Resolves when the socket is disconnected by the server. */
export const disconnected = (s: Socket) =>
  new Promise<string>((resolve) => {
    if (!s.connected) resolve('already');
    else s.once('disconnect', (reason) => resolve(reason));
  });

export interface TestBridgeOptions extends BridgeOptions {
  env?: Record<string, string>;
  dataDir?: string;
  /** The site written to site.yaml (default: the ticket test site). */
  site?: Site;
  /** Files copied beside site.yaml: name in the site folder -> source path (e.g. the demo dossiers.yaml). */
  siteFiles?: Record<string, string>;
  /** Kiosks named as an admin names them (`npm run -s admin -- token create`): their tokens in `kiosks`. */
  kiosks?: readonly string[];
}

export interface TestBridge {
  bridge: RunningBridge;
  root: string;
  siteDir: string;
  dataDir: string;
  /** Device token by kiosk name, for the names in `TestBridgeOptions.kiosks`. */
  kiosks: ReadonlyMap<string, string>;
}

/** A bridge on port 0 over the ticket test site (counter_1: A; counter_2: A, B; counter_3: C) and a fresh DATA_DIR. */
export async function startTestBridge(o: TestBridgeOptions = {}): Promise<TestBridge> {
  const dirs = makeTicketSiteDir(o.site);
  for (const [name, from] of Object.entries(o.siteFiles ?? {}))
    copyFileSync(from, path.join(dirs.siteDir, name));
  const dataDir = o.dataDir ?? dirs.dataDir;
  const config = readConfig({
    BRIDGE_PORT: '0',
    BRIDGE_HOST: '127.0.0.1',
    SITE_DIR: dirs.siteDir,
    DATA_DIR: dataDir,
    ...o.env,
  });
  const bridge = await startBridge(config, createLogger('silent'), o);
  const kiosks = new Map(
    (o.kiosks ?? []).map((name) => [name, bridge.auth.devices.create('kiosk', name).token]),
  );
  return { bridge, root: dirs.root, siteDir: dirs.siteDir, dataDir, kiosks };
}

/** The bridges a test file starts, with sockets to them; `closeAll` (in afterAll) stops and removes them all. */
export class TestBridges {
  private readonly started: TestBridge[] = [];
  private readonly sockets: Socket[] = [];

  async start(o: TestBridgeOptions = {}): Promise<RunningBridge> {
    const t = await startTestBridge(o);
    this.started.push(t);
    return t.bridge;
  }

  /** A socket on `nsp` with a named kiosk's device token, or `tokenOrName` itself as the token. */
  connect(bridge: RunningBridge, nsp: string, tokenOrName: string): Promise<Socket> {
    const token = this.started.find((t) => t.bridge === bridge)?.kiosks.get(tokenOrName) ?? tokenOrName;
    return openSocket(this.sockets, `${bridge.url}${nsp}`, token);
  }

  async closeAll(): Promise<void> {
    for (const s of this.sockets) s.disconnect();
    for (const t of this.started) {
      await t.bridge.close();
      rmSync(t.root, { recursive: true, force: true });
    }
  }
}

/** Small login throttle delays so tests of the lock do not wait seconds. */
export const FAST_THROTTLE: ThrottlePolicy = { ...DEFAULT_THROTTLE, baseDelayMs: 1, maxDelayMs: 2 };
