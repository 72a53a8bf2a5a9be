/**
 * Staff login shared by the console and counter pages: POST /api/auth/login, keep the session token in
 * sessionStorage (gone when the browser tab closes), and hand it to socket.io as handshake auth.
 */
export interface StaffSession {
  token: string;
  who: { username: string; display_name: string; role: 'staff' | 'admin'; counters: string[] };
  expires_at: string;
}

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
