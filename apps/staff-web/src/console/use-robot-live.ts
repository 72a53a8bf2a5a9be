import {
  FINAL_MISSION_STATES,
  type MissionUpdate,
  type RobotMap,
  type RobotPath,
  type RobotState,
  type StaffCall,
  type SystemHealth,
} from '@reception/protocol';
import { useEffect, useRef, useState } from 'react';
import type { StaffSocket } from '../shared/use-staff-socket.ts';
import { trackMission } from './robot-live.ts';

export interface RobotLive {
  state?: RobotState;
  map?: RobotMap;
  /** Why the map could not be had (UNAVAILABLE without a site map). */
  mapError?: string;
  path?: RobotPath;
  health?: SystemHealth;
  /** Missions not over yet, by id. */
  open: ReadonlyMap<string, MissionUpdate>;
  /** Trips that failed since the page opened, newest first (at most 5). */
  failed: MissionUpdate[];
  /** Open calls from kiosks. */
  calls: StaffCall[];
  /** Counts trips starting and ending since the page opened (the history reloads when it changes). */
  ended: number;
}

/**
 * Everything live the console shows: robot state, map, route, missions, system health, kiosk calls. Loaded
 * once per connection, then kept up to date from the broadcasts (the bridge pushes each pose change).
 */
export function useRobotLive(socket: StaffSocket | undefined, connected: boolean): RobotLive {
  const [state, setState] = useState<RobotState>();
  const [map, setMap] = useState<RobotMap>();
  const [mapError, setMapError] = useState<string>();
  const [path, setPath] = useState<RobotPath>();
  const [health, setHealth] = useState<SystemHealth>();
  const [open, setOpen] = useState<ReadonlyMap<string, MissionUpdate>>(new Map());
  const [failed, setFailed] = useState<MissionUpdate[]>([]);
  const [calls, setCalls] = useState<StaffCall[]>([]);
  const [ended, setEnded] = useState(0);
  const seen = useRef(new Set<string>());

  useEffect(() => {
    if (!socket) return;
    const onUpdate = (u: MissionUpdate) => {
      setOpen((o) => trackMission(o, u));
      const fresh = !seen.current.has(u.mission_id);
      seen.current.add(u.mission_id);
      if (fresh || FINAL_MISSION_STATES.has(u.state)) setEnded((n) => n + 1);
      if (u.state === 'failed')
        setFailed((f) => [u, ...f.filter((x) => x.mission_id !== u.mission_id)].slice(0, 5));
    };
    const onCall = (c: StaffCall) =>
      setCalls((all) => [c, ...all.filter((x) => x.call_id !== c.call_id)].filter((x) => x.state === 'open'));
    socket.on('robot:state', setState);
    socket.on('robot:path', setPath);
    socket.on('system:health', setHealth);
    socket.on('mission:update', onUpdate);
    socket.on('staff_call:new', onCall);
    socket.on('staff_call:update', onCall);
    return () => {
      socket.off('robot:state', setState);
      socket.off('robot:path', setPath);
      socket.off('system:health', setHealth);
      socket.off('mission:update', onUpdate);
      socket.off('staff_call:new', onCall);
      socket.off('staff_call:update', onCall);
    };
  }, [socket]);

  useEffect(() => {
    if (!socket || !connected) return;
    void (async () => {
      const [s, m, p, h, c] = await Promise.all([
        socket.emitWithAck('robot:get', {}),
        socket.emitWithAck('robot:get_map', {}),
        socket.emitWithAck('robot:get_path', {}),
        socket.emitWithAck('system:get_health', {}),
        socket.emitWithAck('staff_call:list', {}),
      ]);
      if (s.ok) setState(s.value);
      if (m.ok) setMap(m.value);
      else setMapError(m.error.code);
      if (p.ok) setPath(p.value);
      if (h.ok) setHealth(h.value);
      if (c.ok) setCalls(c.value.calls.filter((x) => x.state === 'open'));
    })();
  }, [socket, connected]);

  return { state, map, mapError, path, health, open, failed, calls, ended };
}
