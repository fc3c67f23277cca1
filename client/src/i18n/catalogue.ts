import { messages as registry } from '../features/registry/messages';
import { messages as server } from './messages.server';
import { messages as exchange } from '../features/exchange/messages';
import { messages as neighbourhoodPage } from '../features/neighbourhood-page/messages';
import { messages as review } from '../features/review/messages';
import { messages as quickScan } from '../features/quickscan/messages';
import { messages as admin } from '../features/admin/messages';
import { messages as moderation } from '../features/moderation/messages';
import { messages as selfService } from '../features/self-service/messages';
import { messages as referral } from '../features/referral/messages';
import { messages as walkIn } from '../features/walk-in/messages';
import { messages as reachAnalysis } from '../features/reach/messages';
import { messages as managedLists } from '../features/managed-lists/messages';
import { en as appEn } from './messages.en';
import { nl as appNl } from './messages.nl';

/**
 * One catalogue per language, joined from parts: the app's common texts here, and each feature's texts beside its
 * code in `features/<name>/messages.ts` (`export const messages = { nl, en }`, en typed as Record<keyof typeof nl, string>),
 * so that a missing English text is a compile error and features do not edit one shared file.
 * To add a feature's part: import it and spread it into both languages below.
 */
const nl = {
  ...appNl,
  ...registry.nl,
  ...server.nl,
  ...exchange.nl,
  ...neighbourhoodPage.nl,
  ...review.nl,
  ...quickScan.nl,
  ...admin.nl,
  ...moderation.nl,
  ...selfService.nl,
  ...referral.nl,
  ...walkIn.nl,
  ...reachAnalysis.nl,
  ...managedLists.nl,
};
const en: Record<keyof typeof nl, string> = {
  ...appEn,
  ...registry.en,
  ...server.en,
  ...exchange.en,
  ...neighbourhoodPage.en,
  ...review.en,
  ...quickScan.en,
  ...admin.en,
  ...moderation.en,
  ...selfService.en,
  ...referral.en,
  ...walkIn.en,
  ...reachAnalysis.en,
  ...managedLists.en,
};

export type MessageKey = keyof typeof nl;
export const catalogues: Record<'nl' | 'en', Record<MessageKey, string>> = { nl, en };
