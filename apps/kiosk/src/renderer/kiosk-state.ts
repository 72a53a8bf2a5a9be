import type { Language, TicketReceipt } from '@reception/protocol';

/** One screen of the kiosk. Screens form a stack: "Back" pops one, "Start over" empties it. */
export type Screen =
  | { name: 'welcome' }
  | { name: 'home' }
  | { name: 'fields' }
  | { name: 'list'; field?: string }
  | { name: 'detail'; serviceId: string }
  | { name: 'checklist'; serviceId: string }
  | { name: 'priority'; serviceId: string }
  | { name: 'ticket' }
  /** Guidance by the robot to a map place; `ticketId` when asked from the ticket (the robot shows its number). */
  | { name: 'guide'; place: string; ticketId?: string }
  | { name: 'dossier' }
  | { name: 'facilities'; place?: string }
  | { name: 'staff' }
  | { name: 'rate' };
export type ScreenName = Screen['name'];

/** Display settings a citizen may change; they are theirs, so a reset restores the defaults. */
export interface DisplaySettings {
  largeText: boolean;
  highContrast: boolean;
}

/**
 * Everything one citizen's visit has told the kiosk. An idle reset or "Start over" forgets all of it: the
 * language, the search, the papers ticked, the receipt code typed, the ticket on screen.
 */
export interface KioskState {
  /** The site's default language: the welcome screen and every reset come back to it. */
  defaultLanguage: Language;
  language: Language;
  /** Never empty; the last is on screen. */
  stack: Screen[];
  query: string;
  /** Papers ticked per service: indexes into `required_documents`. */
  papers: Record<string, number[]>;
  /** The receipt code being typed on the dossier keypad. */
  receiptCode: string;
  /** Tickets issued during this visit, newest last (the one on screen, and "you already have one"). */
  tickets: TicketReceipt[];
  display: DisplaySettings;
}

export type KioskAction =
  | { type: 'site-loaded'; defaultLanguage: Language }
  | { type: 'choose-language'; language: Language }
  /** A spoken request: the citizen's language, and the screens that answer it on top of home. */
  | { type: 'voice'; language: Language; screens: Screen[] }
  | { type: 'go'; screen: Screen }
  | { type: 'search'; query: string }
  | { type: 'toggle-paper'; serviceId: string; index: number }
  | { type: 'receipt-code'; code: string }
  | { type: 'ticket-issued'; receipt: TicketReceipt }
  | { type: 'display'; settings: Partial<DisplaySettings> }
  | { type: 'back' }
  | { type: 'home' }
  | { type: 'idle' };

export const DEFAULT_DISPLAY: DisplaySettings = { largeText: false, highContrast: false };

export function initialState(defaultLanguage: Language = 'vi'): KioskState {
  return {
    defaultLanguage,
    language: defaultLanguage,
    stack: [{ name: 'welcome' }],
    query: '',
    papers: {},
    receiptCode: '',
    tickets: [],
    display: DEFAULT_DISPLAY,
  };
}

export function currentScreen(state: KioskState): Screen {
  return state.stack[state.stack.length - 1] ?? { name: 'welcome' };
}

/** True when there is nothing of a citizen's to forget, so the idle timer can rest. */
export function isPristine(state: KioskState): boolean {
  const fresh = initialState(state.defaultLanguage);
  return (
    state.stack.length === 1 &&
    currentScreen(state).name === 'welcome' &&
    state.language === state.defaultLanguage &&
    state.query === fresh.query &&
    state.receiptCode === fresh.receiptCode &&
    state.tickets.length === 0 &&
    Object.keys(state.papers).length === 0 &&
    state.display.largeText === fresh.display.largeText &&
    state.display.highContrast === fresh.display.highContrast
  );
}

/** Opening the ticket screen replaces the steps that led to it: "Back" from a ticket goes to the procedure. */
function push(stack: Screen[], screen: Screen): Screen[] {
  if (screen.name === 'ticket') {
    const detail = stack.findLastIndex((s) => s.name === 'detail');
    return [...(detail >= 0 ? stack.slice(0, detail + 1) : stack), screen];
  }
  return [...stack, screen];
}

export function kioskReducer(state: KioskState, action: KioskAction): KioskState {
  switch (action.type) {
    case 'site-loaded':
      return isPristine(state)
        ? initialState(action.defaultLanguage)
        : { ...state, defaultLanguage: action.defaultLanguage };
    case 'choose-language':
      return {
        ...state,
        language: action.language,
        stack: [{ name: 'welcome' }, { name: 'home' }],
        query: '',
      };
    case 'voice':
      // Like a language choice followed by taps: what this visit already holds (tickets, papers) stays.
      return {
        ...state,
        language: action.language,
        stack: action.screens.reduce<Screen[]>(push, [{ name: 'welcome' }, { name: 'home' }]),
        query: '',
      };
    case 'go': {
      const stack = push(state.stack, action.screen);
      // Opening a checklist records that the citizen went through it, even with nothing ticked.
      if (action.screen.name !== 'checklist' || state.papers[action.screen.serviceId])
        return { ...state, stack };
      return { ...state, stack, papers: { ...state.papers, [action.screen.serviceId]: [] } };
    }
    case 'search':
      return { ...state, query: action.query };
    case 'toggle-paper': {
      const had = state.papers[action.serviceId] ?? [];
      const next = had.includes(action.index)
        ? had.filter((i) => i !== action.index)
        : [...had, action.index].sort((a, b) => a - b);
      return { ...state, papers: { ...state.papers, [action.serviceId]: next } };
    }
    case 'receipt-code':
      return { ...state, receiptCode: action.code };
    case 'ticket-issued': {
      const others = state.tickets.filter((t) => t.ticket.id !== action.receipt.ticket.id);
      return { ...state, tickets: [...others, action.receipt], stack: push(state.stack, { name: 'ticket' }) };
    }
    case 'display':
      return { ...state, display: { ...state.display, ...action.settings } };
    case 'back':
      return state.stack.length <= 2
        ? initialState(state.defaultLanguage)
        : { ...state, stack: state.stack.slice(0, -1) };
    case 'home':
    case 'idle':
      return initialState(state.defaultLanguage);
    default: {
      const never: never = action;
      return never;
    }
  }
}
