import { useTranslator } from './translator-context.tsx';

/** Back and "start over" on every screen after the welcome screen, at the reading-start edge. */
export function TopBar(props: { title: string; onBack: () => void; onHome: () => void }) {
  const { title, onBack, onHome } = props;
  const i18n = useTranslator();
  return (
    <header className="top-bar">
      <nav className="top-bar-nav">
        <button type="button" className="nav-button" onClick={onBack}>
          <span className="nav-icon nav-icon-back" aria-hidden="true">
            ←
          </span>
          {i18n.t('common.back')}
        </button>
        <button type="button" className="nav-button" onClick={onHome}>
          <span className="nav-icon" aria-hidden="true">
            ⌂
          </span>
          {i18n.t('common.start_over')}
        </button>
      </nav>
      <div className="top-bar-title">{title}</div>
    </header>
  );
}
