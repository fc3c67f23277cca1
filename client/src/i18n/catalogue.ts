import { en as appEn } from './messages.en';
import { nl as appNl } from './messages.nl';
import { messages as managedLists } from '../features/managed-lists/messages';

/**
 * One catalogue per language, joined from parts: the app's common texts here, and each feature's texts beside its
 * code in `features/<name>/messages.ts` (`export const messages = { nl, en }`, en typed as Record<keyof typeof nl, string>),
 * so that a missing English text is a compile error and features do not edit one shared file.
 * To add a feature's part: import it and spread it into both languages below.
 */
const nl = { ...appNl, ...managedLists.nl };
const en: Record<keyof typeof nl, string> = { ...appEn, ...managedLists.en };

export type MessageKey = keyof typeof nl;
export const catalogues: Record<'nl' | 'en', Record<MessageKey, string>> = { nl, en };
