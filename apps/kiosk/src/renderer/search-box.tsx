import { LOCALES, textIn, translator, type MessageValues, type Translator } from '@reception/i18n';
import type { Language, SiteCatalogue } from '@reception/protocol';
import { useRef, useState, type SyntheticEvent } from 'react';
import { useBridge } from './bridge-context.tsx';
import { routeIntent, type Answer, type Label } from './intent-routing.ts';
import { useKiosk } from './kiosk-context.tsx';
import { describeOpeningHours } from './opening-hours.ts';
import { useTranslator } from './translator-context.tsx';

/** The words of a label in the citizen's language: ids become the site's names. */
export function labelText(label: Label, i18n: Translator, site: SiteCatalogue): string {
  if (label.language) return translator(label.language, i18n.timeZone).t('common.language_name');
  const values: MessageValues = {};
  const service = site.services.find((s) => s.id === label.procedure);
  if (service) values.procedure = textIn(service.name, i18n.language);
  const facility = site.facilities.find((f) => f.id === label.place);
  if (facility) values.place = textIn(facility.name, i18n.language);
  if (label.number !== undefined) values.number = label.number;
  return i18n.t(label.key, values);
}

/** What the answer panel says aloud and in text (undefined: the panel shows only buttons). */
function answerText(answer: Answer, i18n: Translator, site: SiteCatalogue): string | undefined {
  switch (answer.kind) {
    case 'say':
      return i18n.t(answer.key);
    case 'hours':
      return i18n.t('intent.opening_hours_answer', {
        hours: i18n.list(describeOpeningHours(site.opening_hours, LOCALES[i18n.language])),
      });
    case 'choices':
      return i18n.t('intent.did_you_mean');
    case 'out_of_scope':
      return i18n.t('intent.out_of_scope');
    case 'languages':
      return i18n.t('intent.choose_language');
    case 'open':
    case 'language':
    case 'clear':
    case 'repeat':
      return undefined;
    default: {
      const never: never = answer;
      return never;
    }
  }
}

/**
 * The search box of the procedure list. Typing narrows the list through the catalogue search, as before;
 * "Go" (or Enter) sends the whole text to the kiosk's intent model when the host has one
 * (`capabilities().intent`), and `routeIntent` decides: open the right screen, offer "Did you mean...",
 * or say politely that the centre cannot help and offer the touch menu. Without a model, or when the host
 * does not answer, the catalogue search is all there is, which is what the list already shows.
 */
export function SearchBox() {
  const { site, state, dispatch, host, capabilities } = useKiosk();
  const bridge = useBridge();
  const i18n = useTranslator();
  const lang = i18n.language;
  // The box keeps the citizen's words even when an answer widens the list below (query '' in the state).
  const [text, setText] = useState(state.query);
  const [answer, setAnswer] = useState<Answer>();
  const [busy, setBusy] = useState(false);
  const asked = useRef(0);
  const lastSaid = useRef<string | undefined>(undefined);
  const canClassify = Boolean(host && capabilities?.intent);

  const speak = (words: string | undefined) => {
    if (!words) return;
    lastSaid.current = words;
    if (capabilities?.speech) void host?.speak({ text: words, language: lang });
  };

  const chooseLanguage = (language: Language) => {
    dispatch({ type: 'choose-language', language });
    void bridge.request('session:language', { language }).then((r) => {
      if (!r.ok) console.warn(`session:language failed: ${r.error.code}`);
    });
  };

  const apply = (next: Answer) => {
    switch (next.kind) {
      case 'open':
        setAnswer(undefined);
        dispatch({ type: 'go', screen: next.screen });
        return;
      case 'language':
        setAnswer(undefined);
        chooseLanguage(next.language);
        return;
      case 'clear':
        setAnswer(undefined);
        setText('');
        dispatch({ type: 'search', query: '' });
        return;
      case 'repeat':
        speak(lastSaid.current ?? i18n.t('intent.greeting_reply'));
        if (!answer) setAnswer({ kind: 'say', key: 'intent.greeting_reply', listAll: false });
        return;
      case 'say':
        // "Choose below": the list under the box shows every procedure, the typed words stay in the box.
        if (next.listAll) dispatch({ type: 'search', query: '' });
        break;
      case 'hours':
      case 'languages':
      case 'choices':
      case 'out_of_scope':
        break;
      default: {
        const never: never = next;
        return never;
      }
    }
    setAnswer(next);
    speak(answerText(next, i18n, site));
  };

  const onType = (q: string) => {
    asked.current++; // an answer to older words must not land on newer ones
    setBusy(false);
    setAnswer(undefined);
    setText(q);
    dispatch({ type: 'search', query: q });
  };

  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    if (!host || !canClassify || text.trim() === '') return;
    const id = ++asked.current;
    setBusy(true);
    const r = await host.classify({ text, language: lang });
    if (id !== asked.current) return;
    setBusy(false);
    if (!r.ok) {
      // The catalogue search below is the fallback; nothing to say to the citizen.
      console.warn(`classify failed: ${r.error.code} ${r.error.message}`);
      return;
    }
    apply(routeIntent(r.value, { site, hasTicket: state.tickets.length > 0 }));
  };

  const said = answer ? answerText(answer, i18n, site) : undefined;
  return (
    <>
      <form className="search" role="search" onSubmit={(e) => void submit(e)}>
        <label className="search-label" htmlFor="procedure-search">
          {i18n.t('kiosk.search_label')}
        </label>
        <div className="search-row">
          <input
            id="procedure-search"
            className="search-input"
            type="search"
            autoComplete="off"
            spellCheck={false}
            maxLength={500}
            placeholder={i18n.t('kiosk.search_placeholder')}
            value={text}
            onChange={(e) => onType(e.target.value)}
          />
          {text !== '' && (
            <button type="button" className="search-clear" onClick={() => onType('')}>
              {i18n.t('kiosk.clear_search')}
            </button>
          )}
          {canClassify && (
            <button type="submit" className="search-submit" data-action="ask" disabled={busy}>
              {busy ? i18n.t('intent.thinking') : i18n.t('intent.submit')}
            </button>
          )}
        </div>
        {canClassify && <p className="search-hint">{i18n.t('intent.search_hint')}</p>}
      </form>
      {answer && (
        <section className="intent-answer" data-kind={answer.kind} role="status" aria-live="polite">
          {said && <p className="intent-answer-text">{said}</p>}
          <AnswerButtons
            answer={answer}
            onApply={apply}
            onLanguage={chooseLanguage}
            label={(l) => labelText(l, i18n, site)}
          />
        </section>
      )}
    </>
  );
}

function AnswerButtons(props: {
  answer: Answer;
  onApply: (a: Answer) => void;
  onLanguage: (l: Language) => void;
  label: (l: Label) => string;
}) {
  const { answer, onApply, onLanguage, label } = props;
  const { site } = useKiosk();
  const i18n = useTranslator();
  const menu = { kind: 'open', screen: { name: 'home' } } as const;
  switch (answer.kind) {
    case 'choices':
      return (
        <ul className="intent-choices">
          {answer.choices.map((c, i) => (
            <li key={i}>
              <button
                type="button"
                className="procedure-button"
                data-intent={c.intent}
                onClick={() => onApply(c.answer)}
              >
                {label(c.label)}
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              className="second-action"
              data-action="show-menu"
              onClick={() => onApply(menu)}
            >
              {i18n.t('intent.none_of_these')}
            </button>
          </li>
        </ul>
      );
    case 'out_of_scope':
      return (
        <div className="choice-row">
          <button type="button" className="main-action" data-action="show-menu" onClick={() => onApply(menu)}>
            {i18n.t('intent.show_menu')}
          </button>
          <button
            type="button"
            className="second-action"
            data-action="call-staff"
            onClick={() => onApply({ kind: 'open', screen: { name: 'staff' } })}
          >
            {i18n.t('staff_call.button')}
          </button>
        </div>
      );
    case 'languages':
      return (
        <div className="choice-row">
          {site.languages.enabled.map((l) => (
            <button
              key={l}
              type="button"
              className="second-action"
              data-language={l}
              onClick={() => onLanguage(l)}
            >
              {label({ key: 'common.language_name', language: l })}
            </button>
          ))}
        </div>
      );
    case 'say':
    case 'hours':
    case 'open':
    case 'language':
    case 'clear':
    case 'repeat':
      return null;
    default: {
      const never: never = answer;
      return never;
    }
  }
}
