import type { ConnectionState } from './bridge-client.ts';
import { useTranslator } from './translator-context.tsx';

/** A plain banner while the bridge is out of reach; nothing at all when the connection is fine. */
export function ConnectionBanner({ state, hasCatalogue }: { state: ConnectionState; hasCatalogue: boolean }) {
  const i18n = useTranslator();
  switch (state) {
    case 'connected':
      return null;
    case 'connecting':
      return (
        <div className="banner banner-info" role="status">
          {i18n.t('kiosk.connection_starting')}
        </div>
      );
    case 'reconnecting':
      return (
        <div className="banner banner-warn" role="status">
          {hasCatalogue ? i18n.t('kiosk.connection_offline') : i18n.t('kiosk.connection_reconnecting')}
        </div>
      );
    case 'unauthorized':
      return (
        <div className="banner banner-error" role="alert">
          {i18n.t('kiosk.connection_unauthorized')}
        </div>
      );
    default: {
      const never: never = state;
      return never;
    }
  }
}
