import type { SiteCatalogue } from '@reception/protocol';
import { createContext, useContext, type Dispatch } from 'react';
import type { HostCapabilities, KioskHostApi } from '../shared/host-api.ts';
import type { ConnectionState } from './bridge-client.ts';
import type { KioskAction, KioskState } from './kiosk-state.ts';

/** What every screen may use besides the translator and the bridge. */
export interface KioskContextValue {
  state: KioskState;
  dispatch: Dispatch<KioskAction>;
  site: SiteCatalogue;
  connection: ConnectionState;
  /** The kiosk's Node side, when there is one (Electron or the browser-mode host). */
  host: KioskHostApi | undefined;
  capabilities: HostCapabilities | undefined;
  /** Where the bridge is: phone links fall back to it when the bridge sends none. */
  bridgeUrl: string;
  /** This kiosk is the robot's own screen (`?robot=1` or KIOSK config): it follows guidance missions. */
  robotScreen: boolean;
  /**
   * Holds off the idle reset while true: a citizen waiting for the robot, or following it, is not away.
   * A screen that sets it clears it when it leaves.
   */
  holdIdle: (hold: boolean) => void;
}

const KioskContext = createContext<KioskContextValue | undefined>(undefined);
export const KioskProvider = KioskContext.Provider;

export function useKiosk(): KioskContextValue {
  const value = useContext(KioskContext);
  if (!value) throw new Error('useKiosk() needs a <KioskProvider> above it');
  return value;
}

/** True when requests can reach the bridge now. */
export function isOnline(connection: ConnectionState): boolean {
  return connection === 'connected';
}
