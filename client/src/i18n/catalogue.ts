import { messages as registry } from '../features/registry/messages';
import { en as appEn } from './messages.en';
import { nl as appNl } from './messages.nl';
import { messages as server } from './messages.server';
import { messages as exchange } from '../features/exchange/messages';
import { messages as neighbourhoodPage } from '../features/neighbourhood-page/messages';
import { messages as review } from '../features/review/messages';
import { messages as quickScan } from '../features/quickscan/messages';
import { messages as reachAnalysis } from '../features/reach/messages';

/**
 * One catalogue per language, joined from parts: the app's common texts here, and each feature's texts beside its
 * code in `features/<name>/messages.ts` (`export const messages = { nl, en }`, en typed as Record<keyof typeof nl, string>),
 * so that a missing English text is a compile error and features do not edit one shared file.
 * To add a feature's part: import it and spread it into both languages below.
 */
const nl = {
  ...appNl,
  ...server.nl,
  ...exchange.nl,
  ...neighbourhoodPage.nl,
  ...review.nl,
  ...quickScan.nl,
  ...registry.nl,
  ...reachAnalysis.nl,
};
const en: Record<keyof typeof nl, string> = {
  ...appEn,
  ...server.en,
  ...exchange.en,
  ...neighbourhoodPage.en,
  ...review.en,
  ...quickScan.en,
  ...registry.en,
  ...reachAnalysis.en,
};

export type MessageKey = keyof typeof nl;
export const catalogues: Record<'nl' | 'en', Record<MessageKey, string>> = { nl, en };
