import { common } from './common.ts';
import { dossier } from './dossier.ts';

/**
 * Every user-visible string of every app, by key. Add a namespace file per feature (kiosk, staff, display,
 * ticket, ...) and spread it here; keys must be unique across namespaces (the namespace prefix sees to it).
 */
export const CATALOGUE = { ...common, ...dossier } as const;

export type MessageKey = keyof typeof CATALOGUE;
export type { Message } from './define.ts';
