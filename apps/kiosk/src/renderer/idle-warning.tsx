import { useTranslator } from './translator-context.tsx';

/**
 * Shown for the last seconds before an idle reset: a visible countdown and a big "I am still here" (any
 * touch anywhere also counts). The app speaks the same words once when it appears.
 */
export function IdleWarning(props: { seconds: number; onStay: () => void }) {
  const i18n = useTranslator();
  return (
    <div className="idle-backdrop">
      <div
        className="idle-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-text"
      >
        <h2 id="idle-title">{i18n.t('kiosk.idle_title')}</h2>
        <p id="idle-text" className="idle-count">
          {i18n.t('kiosk.idle_warning', { seconds: props.seconds })}
        </p>
        <button type="button" className="main-action" data-action="still-here" onClick={props.onStay}>
          {i18n.t('kiosk.still_here')}
        </button>
      </div>
    </div>
  );
}

/** How long before the reset the warning shows: 20 s, or a third of a short test delay. */
export function warningSeconds(idleSeconds: number): number {
  return Math.min(20, Math.max(1, Math.floor(idleSeconds / 3)));
}
