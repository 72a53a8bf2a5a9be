import type { Language } from '@reception/protocol';
import { useState, type SyntheticEvent } from 'react';
import { ErrorNote, type StaffError } from './staff-error.tsx';
import { LanguageSwitch, useTranslator } from './staff-i18n.tsx';
import { login, LoginError, type StaffSession } from './staff-session.ts';

/** Username + password form; calls `onLogin` with the new session. Errors are shown, never swallowed. */
export function LoginForm(props: {
  title: string;
  onLogin: (s: StaffSession) => void;
  onLanguage: (language: Language) => void;
}) {
  const { title, onLogin, onLanguage } = props;
  const i18n = useTranslator();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<StaffError>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onLogin(await login(username.trim(), password));
    } catch (x) {
      setError(x instanceof LoginError ? x.error : { code: 'INTERNAL', detail: String(x) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="login" onSubmit={submit}>
      <div className="login-head">
        <h1>{title}</h1>
        <LanguageSwitch onChange={onLanguage} />
      </div>
      <label>
        {i18n.t('staff.username')}
        <input
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoComplete="username"
          required
        />
      </label>
      <label>
        {i18n.t('staff.password')}
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
        />
      </label>
      {error?.code === 'UNAUTHORIZED' ? (
        <p role="alert" className="error">
          {i18n.t('staff.sign_in_failed')}
        </p>
      ) : (
        <ErrorNote error={error} />
      )}
      <button type="submit" disabled={busy}>
        {busy ? i18n.t('staff.signing_in') : i18n.t('staff.sign_in')}
      </button>
    </form>
  );
}
