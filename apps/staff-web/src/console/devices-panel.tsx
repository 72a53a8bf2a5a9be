import {
  DEVICE_ROLES,
  type AdminClientEvents,
  type AdminServerEvents,
  type DeviceInfo,
  type DeviceRole,
  type Result,
} from '@reception/protocol';
import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { ErrorNote, type StaffError } from '../shared/staff-error.tsx';
import { useTranslator } from '../shared/staff-i18n.tsx';

type AdminSocket = Socket<AdminServerEvents, AdminClientEvents>;

/**
 * Device tokens of kiosks and displays (admins, over /admin with the same session): create one (shown this
 * once only), list, rename and revoke (after a confirmation; the device is disconnected at once).
 */
export function DevicesPanel({ token }: { token: string }) {
  const i18n = useTranslator();
  const [socket, setSocket] = useState<AdminSocket>();
  const [devices, setDevices] = useState<DeviceInfo[]>([]);
  const [showRevoked, setShowRevoked] = useState(false);
  const [role, setRole] = useState<DeviceRole>('kiosk');
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; token: string }>();
  const [renaming, setRenaming] = useState<{ id: string; name: string }>();
  const [revoking, setRevoking] = useState<DeviceInfo>();
  const [error, setError] = useState<StaffError>();
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const s: AdminSocket = io('/admin', { auth: { token }, transports: ['websocket'] });
    setSocket(s);
    return () => {
      s.close();
    };
  }, [token]);
  useEffect(() => {
    if (!socket) return;
    const load = () =>
      void socket.emitWithAck('token:list', { include_revoked: showRevoked }).then((r) => {
        if (r.ok) setDevices(r.value.devices);
        else setError({ code: r.error.code, detail: r.error.message });
      });
    if (socket.connected) load();
    socket.on('connect', load);
    return () => {
      socket.off('connect', load);
    };
  }, [socket, showRevoked, reload]);

  const run = async <T,>(send: () => Promise<Result<T>>): Promise<T | undefined> => {
    const r = await send();
    if (!r.ok) {
      setError({ code: r.error.code, detail: r.error.message });
      return undefined;
    }
    setError(undefined);
    setReload((n) => n + 1);
    return r.value;
  };
  if (!socket) return null;

  return (
    <section className="devices" aria-label={i18n.t('console.tab_devices')}>
      <h2>{i18n.t('console.tab_devices')}</h2>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => socket.emitWithAck('token:create', { role, name: name.trim() })).then((c) => {
            if (c) {
              setCreated({ name: c.device.name, token: c.token });
              setName('');
            }
          });
        }}
      >
        <label>
          {i18n.t('console.device_kind')}
          <select
            value={role}
            onChange={(e) => setRole(DEVICE_ROLES.find((r) => r === e.target.value) ?? 'kiosk')}
          >
            {DEVICE_ROLES.map((r) => (
              <option key={r} value={r}>
                {i18n.t('console.device_role', { role: r })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {i18n.t('console.device_name')}
          <input value={name} required maxLength={64} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit">{i18n.t('console.device_create')}</button>
        <label className="inline">
          <input type="checkbox" checked={showRevoked} onChange={(e) => setShowRevoked(e.target.checked)} />
          {i18n.t('console.show_revoked')}
        </label>
      </form>
      {created && (
        <div className="token-once" role="status">
          <p>{i18n.t('console.device_token_once', { name: created.name })}</p>
          <code data-testid="created-token">{created.token}</code>
        </div>
      )}
      <ErrorNote error={error} />
      {devices.length === 0 ? (
        <p>{i18n.t('console.devices_empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{i18n.t('console.device_name')}</th>
              <th>{i18n.t('console.device_kind')}</th>
              <th>{i18n.t('console.device_created_at')}</th>
              <th>{i18n.t('console.device_last_used')}</th>
              <th>{i18n.t('console.filter_state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.id}>
                <td>
                  {renaming?.id === d.id ? (
                    <input
                      value={renaming.name}
                      maxLength={64}
                      aria-label={i18n.t('console.device_name')}
                      onChange={(e) => setRenaming({ id: d.id, name: e.target.value })}
                    />
                  ) : (
                    d.name
                  )}
                </td>
                <td>{i18n.t('console.device_role', { role: d.role })}</td>
                <td>{i18n.time(d.created_at)}</td>
                <td>{d.last_used_at ? i18n.time(d.last_used_at) : i18n.t('console.never')}</td>
                <td>
                  {i18n.t('console.device_status', {
                    status: d.revoked_at ? 'revoked' : d.demo ? 'demo' : 'active',
                  })}
                </td>
                <td>
                  {!d.demo && !d.revoked_at && renaming?.id === d.id && (
                    <button
                      className="small"
                      onClick={() =>
                        void run(() =>
                          socket.emitWithAck('token:rename', { device_id: d.id, name: renaming.name.trim() }),
                        ).then(() => setRenaming(undefined))
                      }
                    >
                      {i18n.t('console.save')}
                    </button>
                  )}
                  {!d.demo && !d.revoked_at && renaming?.id !== d.id && (
                    <>
                      <button
                        className="secondary small"
                        onClick={() => setRenaming({ id: d.id, name: d.name })}
                      >
                        {i18n.t('console.rename')}
                      </button>{' '}
                      <button className="secondary small" onClick={() => setRevoking(d)}>
                        {i18n.t('console.revoke')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoking && (
        <div className="confirm" role="alertdialog">
          <p>{i18n.t('console.revoke_question', { name: revoking.name })}</p>
          <button
            onClick={() => {
              const id = revoking.id;
              setRevoking(undefined);
              void run(() => socket.emitWithAck('token:revoke', { device_id: id }));
            }}
          >
            {i18n.t('console.revoke_yes')}
          </button>
          <button className="secondary" onClick={() => setRevoking(undefined)}>
            {i18n.t('staff.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
