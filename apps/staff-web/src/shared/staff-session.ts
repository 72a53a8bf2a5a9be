import type { LoginResponse } from '@reception/protocol';
import type { StaffError } from './staff-error.tsx';

/**
 * Staff login shared by the console and counter pages: POST /api/auth/login, keep the session token in
 * sessionStorage (gone when the browser tab closes), and hand it to socket.io as handshake auth.
 */
export type StaffSession = LoginResponse;

const KEY = 'reception.staff-session';

export function loadSession(): StaffSession | undefined {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return undefined;
  try {
    const s = JSON.parse(raw) as StaffSession;
    if (new Date(s.expires_at).getTime() > Date.now()) return s;
  } catch {
    // A corrupt entry is treated as logged out.
  }
  sessionStorage.removeItem(KEY);
  return undefined;
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

/** Ends the session at the bridge (its sockets are disconnected) and forgets it here. */
export async function logout(session: StaffSession): Promise<void> {
  clearSession();
  await fetch('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${session.token}` } });
}

/** A refused or failed sign-in: `UNAUTHORIZED` is a wrong username or password. */
export class LoginError extends Error {
  constructor(readonly error: StaffError) {
    super(error.detail ?? error.code);
  }
  get code(): StaffError['code'] {
    return this.error.code;
  }
}

export async function login(username: string, password: string): Promise<StaffSession> {
  let res: Response;
  let body: StaffSession | { error: { code: StaffError['code']; message: string } };
  try {
    res = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    body = (await res.json()) as typeof body;
  } catch (e) {
    throw new LoginError({ code: 'UNREACHABLE', detail: (e as Error).message });
  }
  if ('error' in body) throw new LoginError({ code: body.error.code, detail: body.error.message });
  if (!res.ok) throw new LoginError({ code: 'UNREACHABLE', detail: `HTTP ${res.status}` });
  sessionStorage.setItem(KEY, JSON.stringify(body));
  return body;
}
