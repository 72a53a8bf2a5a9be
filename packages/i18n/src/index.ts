export * from './announcements.ts';
export { CATALOGUE, type MessageKey, type Message } from './catalogue/index.ts';
export { defineMessages } from './catalogue/define.ts';
export { LOCALES, directionOf, forwardArrow } from './languages.ts';
export { textIn } from './translated.ts';
export { Translator, translator, type DateStyle, type MessageValues } from './translator.ts';
