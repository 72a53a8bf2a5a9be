import type { MessageKey } from '@reception/i18n';
import type { Screen } from './kiosk-state.ts';
import { useKiosk } from './kiosk-context.tsx';
import { useTranslator } from './translator-context.tsx';

const MENU: { screen: Screen; label: MessageKey; hint: MessageKey; icon: string; id: string }[] = [
  {
    id: 'procedures',
    screen: { name: 'fields' },
    label: 'kiosk.menu_procedures',
    hint: 'kiosk.menu_procedures_hint',
    icon: '☰',
  },
  {
    id: 'dossier',
    screen: { name: 'dossier' },
    label: 'kiosk.menu_dossier',
    hint: 'kiosk.menu_dossier_hint',
    icon: '№',
  },
  {
    id: 'facilities',
    screen: { name: 'facilities' },
    label: 'kiosk.menu_facilities',
    hint: 'kiosk.menu_facilities_hint',
    icon: '➜',
  },
  {
    id: 'staff',
    screen: { name: 'staff' },
    label: 'staff_call.button',
    hint: 'kiosk.menu_staff_hint',
    icon: '☎',
  },
  { id: 'rate', screen: { name: 'rate' }, label: 'kiosk.menu_rate', hint: 'kiosk.menu_rate_hint', icon: '★' },
];

/** After the language: the few things a citizen comes for, as big tiles with a plain hint each. */
export function HomeScreen() {
  const i18n = useTranslator();
  const { dispatch, site } = useKiosk();
  const withFields = (site.fields?.length ?? 0) > 0;
  return (
    <main className="home">
      <h1 className="screen-heading">{i18n.t('kiosk.home_heading')}</h1>
      <ul className="menu-grid">
        {MENU.map((m) => (
          <li key={m.id}>
            <button
              type="button"
              className="menu-tile"
              data-menu={m.id}
              onClick={() =>
                dispatch({
                  type: 'go',
                  screen: m.id === 'procedures' && !withFields ? { name: 'list' } : m.screen,
                })
              }
            >
              <span className="menu-icon" aria-hidden="true">
                {m.icon}
              </span>
              <span className="menu-label">{i18n.t(m.label)}</span>
              <span className="menu-hint">{i18n.t(m.hint)}</span>
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
