import type { ConnectionState } from './bridge-client.ts';
import type { Messages } from './messages.ts';

/** A plain banner while the bridge is out of reach; nothing at all when the connection is fine. */
export function ConnectionBanner({ state, t }: { state: ConnectionState; t: Messages }) {
  switch (state) {
    case 'connected':
      return null;
    case 'connecting':
      return (
        <div className="banner banner-info" role="status">
          {t.connectionConnecting}
        </div>
      );
    case 'reconnecting':
      return (
        <div className="banner banner-warn" role="status">
          {t.connectionReconnecting}
        </div>
      );
    case 'unauthorized':
      return (
        <div className="banner banner-error" role="alert">
          {t.connectionUnauthorized}
        </div>
      );
    default: {
      const never: never = state;
      return never;
    }
  }
}
