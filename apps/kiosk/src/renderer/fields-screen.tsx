import { textIn } from '@reception/i18n';
import { useKiosk } from './kiosk-context.tsx';
import { useTranslator } from './translator-context.tsx';

/** Procedures by field (civil status, land...), then everything; the search lives on the list. */
export function FieldsScreen() {
  const i18n = useTranslator();
  const { dispatch, site } = useKiosk();
  const fields = site.fields ?? [];
  const count = (id: string) => site.services.filter((s) => s.field === id).length;
  return (
    <main className="fields">
      <h1 className="screen-heading">{i18n.t('kiosk.fields_heading')}</h1>
      <ul className="procedure-list">
        {fields
          .filter((f) => count(f.id) > 0)
          .map((f) => (
            <li key={f.id} data-field={f.id}>
              <button
                type="button"
                className="procedure-button"
                onClick={() => dispatch({ type: 'go', screen: { name: 'list', field: f.id } })}
              >
                <span className="procedure-name">{textIn(f.name, i18n.language)}</span>
              </button>
            </li>
          ))}
        <li data-field="all">
          <button
            type="button"
            className="procedure-button procedure-all"
            onClick={() => dispatch({ type: 'go', screen: { name: 'list' } })}
          >
            <span className="procedure-name">{i18n.t('kiosk.all_procedures')}</span>
          </button>
        </li>
      </ul>
    </main>
  );
}
