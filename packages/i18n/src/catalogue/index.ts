import { announce } from './announce.ts';
import { common } from './common.ts';
import { ticket } from './ticket.ts';
import { display } from './display.ts';
import { kiosk } from './kiosk.ts';
import { kioskAssist } from './kiosk-assist.ts';
import { kioskJourneys } from './kiosk-journeys.ts';
import { rating } from './rating.ts';
import { staffCounter } from './staff-counter.ts';
import { staffReport } from './staff-report.ts';
import { staff } from './staff.ts';
import { staffConsole } from './staff-console.ts';
import { staffConsolePanels } from './staff-console-panels.ts';
import { dossier } from './dossier.ts';
import { kioskVoice } from './kiosk-voice.ts';
import { kioskSamples } from './kiosk-samples.ts';
import { intent } from './intent.ts';

/**
 * Every user-visible string of every app, by key. Add a namespace file per feature (kiosk, staff, display,
 * ticket, ...) and spread it here; keys must be unique across namespaces (the namespace prefix sees to it).
 */
export const CATALOGUE = {
  ...common,
  ...kiosk,
  ...kioskJourneys,
  ...kioskAssist,
  ...kioskVoice,
  ...kioskSamples,
  ...staff,
  ...staffCounter,
  ...staffConsole,
  ...staffConsolePanels,
  ...staffReport,
  ...display,
  ...announce,
  ...rating,
  ...ticket,
  ...dossier,
  ...intent,
} as const;

export type MessageKey = keyof typeof CATALOGUE;
export type { Message } from './define.ts';
