import type { Messages } from './messages.ts';

/** Back and "start again" on every screen after the welcome screen, at the reading-start edge. */
export function TopBar(props: { title: string; t: Messages; onBack: () => void; onHome: () => void }) {
  const { title, t, onBack, onHome } = props;
  return (
    <header className="top-bar">
      <nav className="top-bar-nav">
        <button type="button" className="nav-button" onClick={onBack}>
          <span className="nav-icon nav-icon-back" aria-hidden="true">
            ←
          </span>
          {t.back}
        </button>
        <button type="button" className="nav-button" onClick={onHome}>
          <span className="nav-icon" aria-hidden="true">
            ⌂
          </span>
          {t.home}
        </button>
      </nav>
      <div className="top-bar-title">{title}</div>
    </header>
  );
}
