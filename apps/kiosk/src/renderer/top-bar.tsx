import type { ReactNode } from 'react';
import { useTranslator } from './translator-context.tsx';
import { useKiosk } from './kiosk-context.tsx';

/**
 * Always at the top, never scrolled away: Back and Start over at the reading-start edge, then the
 * controls every citizen may need on every screen: read aloud (when the kiosk has a voice), larger text
 * and high contrast. One Back per screen: screens never draw their own.
 */
export function TopBar(props: {
  title: string;
  speaking: boolean;
  onReadAloud: () => void;
  /** The voice indicator (compact), when this kiosk listens. */
  voice?: ReactNode;
}) {
  const { title, speaking, onReadAloud, voice } = props;
  const i18n = useTranslator();
  const { dispatch, state, capabilities } = useKiosk();
  const { largeText, highContrast } = state.display;
  return (
    <header className="top-bar">
      <nav className="top-bar-nav" aria-label={title}>
        <button
          type="button"
          className="nav-button"
          data-action="back"
          onClick={() => dispatch({ type: 'back' })}
        >
          <span className="nav-icon nav-icon-back" aria-hidden="true">
            ←
          </span>
          {i18n.t('common.back')}
        </button>
        <button
          type="button"
          className="nav-button"
          data-action="start-over"
          onClick={() => dispatch({ type: 'home' })}
        >
          <span className="nav-icon" aria-hidden="true">
            ⌂
          </span>
          {i18n.t('common.start_over')}
        </button>
      </nav>
      <div className="top-bar-title">{title}</div>
      {voice}
      <div className="top-bar-tools" role="group" aria-label={i18n.t('kiosk.display_settings')}>
        {capabilities?.speech && (
          <button
            type="button"
            className="tool-button"
            data-action="read-aloud"
            aria-pressed={speaking}
            onClick={onReadAloud}
          >
            <span aria-hidden="true">♪</span>{' '}
            {speaking ? i18n.t('kiosk.stop_reading') : i18n.t('kiosk.read_aloud')}
          </button>
        )}
        <button
          type="button"
          className="tool-button"
          data-action="text-size"
          aria-pressed={largeText}
          onClick={() => dispatch({ type: 'display', settings: { largeText: !largeText } })}
        >
          <span aria-hidden="true">A+</span> {i18n.t('kiosk.text_larger')}
        </button>
        <button
          type="button"
          className="tool-button"
          data-action="contrast"
          aria-pressed={highContrast}
          onClick={() => dispatch({ type: 'display', settings: { highContrast: !highContrast } })}
        >
          <span aria-hidden="true">◐</span> {i18n.t('kiosk.contrast_high')}
        </button>
      </div>
    </header>
  );
}
