import { z } from 'zod';
import { empty, rpc, type ClientEventsOf, type ServerEventsOf } from './rpc.ts';
import { languageSchema, type SiteCatalogue } from './site.ts';

/**
 * Socket.io contracts, one namespace per client role. Each role has a request map (client to server,
 * validated with zod at the bridge) and a broadcast map (server to client). Later features add their
 * requests and broadcasts here, never ad hoc event names elsewhere.
 *
 * Roles and how they authenticate (handshake `auth`):
 * - kiosk: `{ token }` device token; may read the catalogue, ask for tickets and guidance to known places.
 * - display: `{ token }` device token; read-only.
 * - staff: `{ token }` session token from staff login; console and counter pages.
 * - admin: `{ token }` admin session token; changes the site.
 */
export const NAMESPACES = { kiosk: '/kiosk', display: '/display', staff: '/staff', admin: '/admin' } as const;
export type Role = keyof typeof NAMESPACES;

export interface BridgeInfo {
  version: string;
  site_id: string;
  started_at: string;
}

const siteRequests = {
  'site:get': rpc<SiteCatalogue>()(empty),
  'bridge:info': rpc<BridgeInfo>()(empty),
};

export const kioskRequests = {
  ...siteRequests,
  /** The citizen picked a language; the bridge logs it for reports (no personal data). */
  'session:language': rpc<null>()(z.object({ language: languageSchema }).strict()),
};
export const displayRequests = { ...siteRequests };
export const staffRequests = { ...siteRequests };
export const adminRequests = {
  ...siteRequests,
  /** Re-read the site file from disk, validate it and push it to every client; the old site stays on error. */
  'site:reload': rpc<{ site_id: string }>()(empty),
};

const siteChanged = z.object({ site_id: z.string() }).loose();
export const kioskBroadcasts = { 'site:changed': siteChanged };
export const displayBroadcasts = { 'site:changed': siteChanged };
export const staffBroadcasts = { 'site:changed': siteChanged };
export const adminBroadcasts = { 'site:changed': siteChanged };

export type KioskClientEvents = ClientEventsOf<typeof kioskRequests>;
export type KioskServerEvents = ServerEventsOf<typeof kioskBroadcasts>;
export type DisplayClientEvents = ClientEventsOf<typeof displayRequests>;
export type DisplayServerEvents = ServerEventsOf<typeof displayBroadcasts>;
export type StaffClientEvents = ClientEventsOf<typeof staffRequests>;
export type StaffServerEvents = ServerEventsOf<typeof staffBroadcasts>;
export type AdminClientEvents = ClientEventsOf<typeof adminRequests>;
export type AdminServerEvents = ServerEventsOf<typeof adminBroadcasts>;

export const requestsByRole = {
  kiosk: kioskRequests,
  display: displayRequests,
  staff: staffRequests,
  admin: adminRequests,
} as const;

/** Handshake auth payload, same shape for every role. */
export const handshakeAuthSchema = z.object({ token: z.string().min(1).max(512) }).strict();
