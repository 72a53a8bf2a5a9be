import type { LoginResponse } from '@reception/protocol';

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

export async function login(username: string, password: string): Promise<StaffSession> {
  const res = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as StaffSession | { error: { message: string } };
  if (!res.ok || 'error' in body) {
    throw new Error('error' in body ? body.error.message : `login failed (${res.status})`);
  }
  sessionStorage.setItem(KEY, JSON.stringify(body));
  return body;
}
