import type { Language } from '@reception/protocol';

export type Screen = { name: 'welcome' } | { name: 'list' } | { name: 'detail'; serviceId: string };

/** Everything one citizen's visit has told the kiosk. An idle reset or "start again" forgets all of it. */
export interface KioskState {
  /** The site's default language: the welcome screen and every reset come back to it. */
  defaultLanguage: Language;
  language: Language;
  screen: Screen;
  query: string;
}

export type KioskAction =
  | { type: 'site-loaded'; defaultLanguage: Language }
  | { type: 'choose-language'; language: Language }
  | { type: 'search'; query: string }
  | { type: 'open'; serviceId: string }
  | { type: 'back' }
  | { type: 'home' }
  | { type: 'idle' };

export function initialState(defaultLanguage: Language = 'vi'): KioskState {
  return { defaultLanguage, language: defaultLanguage, screen: { name: 'welcome' }, query: '' };
}

/** True when there is nothing of a citizen's to forget, so the idle timer can rest. */
export function isPristine(state: KioskState): boolean {
  return state.screen.name === 'welcome' && state.query === '' && state.language === state.defaultLanguage;
}

export function kioskReducer(state: KioskState, action: KioskAction): KioskState {
  switch (action.type) {
    case 'site-loaded':
      return state.screen.name === 'welcome' && state.query === ''
        ? initialState(action.defaultLanguage)
        : { ...state, defaultLanguage: action.defaultLanguage };
    case 'choose-language':
      return { ...state, language: action.language, screen: { name: 'list' }, query: '' };
    case 'search':
      return { ...state, query: action.query };
    case 'open':
      return { ...state, screen: { name: 'detail', serviceId: action.serviceId } };
    case 'back':
      switch (state.screen.name) {
        case 'detail':
          return { ...state, screen: { name: 'list' } };
        case 'list':
        case 'welcome':
          return initialState(state.defaultLanguage);
        default: {
          const never: never = state.screen;
          return never;
        }
      }
    case 'home':
    case 'idle':
      return initialState(state.defaultLanguage);
    default: {
      const never: never = action;
      return never;
    }
  }
}
