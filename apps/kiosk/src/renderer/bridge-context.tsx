import { createContext, useContext } from 'react';
import type { BridgeClient } from './bridge-client.ts';

const BridgeContext = createContext<BridgeClient | undefined>(undefined);

export const BridgeProvider = BridgeContext.Provider;

/**
 * The kiosk's bridge connection, for any component that needs to send a request:
 * `const bridge = useBridge(); const result = await bridge.request('site:get', {});`.
 */
export function useBridge(): BridgeClient {
  const client = useContext(BridgeContext);
  if (!client) throw new Error('useBridge() needs a <BridgeProvider> above it');
  return client;
}
