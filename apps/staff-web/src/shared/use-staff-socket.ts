import type { StaffClientEvents, StaffServerEvents } from '@reception/protocol';
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { toStaffError, type StaffError } from './staff-error.tsx';
import { clearSession, loadSession, logout, type StaffSession } from './staff-session.ts';

export type StaffSocket = Socket<StaffServerEvents, StaffClientEvents>;

/**
 * The signed-in staff member's socket on /staff, shared by the console and counter pages. `setup` runs
 * right after the socket is made (before it can connect), so a page's listeners never miss `connect`.
 * A refused token signs the person out; other connection errors are returned as `error`.
 */
export function useStaffSocket(setup: (socket: StaffSocket) => void) {
  const [session, setSession] = useState<StaffSession | undefined>(loadSession);
  const [socket, setSocket] = useState<StaffSocket>();
  const [connected, setConnected] = useState(false);
  const [error, setError] = useState<StaffError>();
  const setupRef = useRef(setup);
  setupRef.current = setup;

  useEffect(() => {
    if (!session) return;
    const s: StaffSocket = io('/staff', { auth: { token: session.token }, transports: ['websocket'] });
    setSocket(s);
    s.on('connect', () => {
      setConnected(true);
      setError(undefined);
    });
    s.on('disconnect', (reason) => {
      setConnected(false);
      // The bridge ended the session (logout elsewhere, revoked, expired): reconnecting meets UNAUTHORIZED,
      // which signs the person out below.
      if (reason === 'io server disconnect') s.connect();
    });
    s.on('connect_error', (e) => {
      if (e.message === 'UNAUTHORIZED') {
        clearSession();
        setSession(undefined);
      } else setError(toStaffError(e));
    });
    setupRef.current(s);
    return () => {
      s.close();
      setSocket(undefined);
    };
  }, [session]);

  const signOut = () => {
    if (session) void logout(session).catch(() => undefined);
    setSession(undefined);
  };
  return { session, setSession, signOut, socket, connected, error, setError };
}
