import { ERROR_CODES, type ErrorCode } from '@reception/protocol';
import type { Translator } from '@reception/i18n';
import { useTranslator } from './staff-i18n.tsx';

/**
 * Something the bridge refused, or could not be asked. `code` picks the words staff read; `detail` is the
 * bridge's own English explanation, folded away for whoever supports the centre.
 */
export interface StaffError {
  code: ErrorCode | 'UNREACHABLE';
  detail?: string;
}

/** A socket.io connection error or a thrown value as a StaffError (an unknown one counts as unreachable). */
export function toStaffError(e: unknown): StaffError {
  const message = e instanceof Error ? e.message : String(e);
  const code = ERROR_CODES.find((c) => c === message);
  return code ? { code } : { code: 'UNREACHABLE', detail: message };
}

export function errorText(i18n: Translator, error: StaffError): string {
  return error.code === 'UNREACHABLE'
    ? i18n.t('staff.server_unreachable')
    : i18n.t('staff.error', { code: error.code });
}

export function ErrorNote({ error, className = 'error' }: { error?: StaffError; className?: string }) {
  const i18n = useTranslator();
  if (!error) return null;
  return (
    <p role="alert" className={className}>
      {errorText(i18n, error)}
      {error.detail && (
        // The bridge's own words are English: folded away under a summary in the page's language.
        <details className="error-detail">
          <summary>{i18n.t('staff.error_details')}</summary>
          <small lang="en" dir="ltr">
            {error.detail}
          </small>
        </details>
      )}
    </p>
  );
}
