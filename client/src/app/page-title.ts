import { useEffect } from 'react';
import type { Translate } from '../i18n/i18n';
import type { RegistryTextKey } from '../features/registry/registry-text';
import type { Route } from './router';

/** What a page is called before its own heading is known (and when signed out, its h1). */
export function routeTitle(route: Exclude<Route, { name: 'home' }>, t: Translate, rt: (key: RegistryTextKey) => string, neighbourhoodName?: string): string {
  switch (route.name) {
    case 'neighbourhood':
      return t('title.neighbourhood', { name: neighbourhoodName ?? route.code });
    case 'registerOrganisation':
      return rt('nav.registerOrganisation');
    case 'registerPerson':
      return rt('nav.registerPerson');
    case 'registerContact':
      return rt('nav.registerContact');
    case 'registerAgreement':
      return rt('nav.registerAgreement');
    case 'registerTeam':
      return rt('nav.registerTeam');
    case 'registerActivity':
      return rt('nav.registerActivity');
    case 'review':
      return rt('nav.review');
    case 'import':
      return rt('nav.import');
    case 'organisation':
    case 'editOrganisation':
      return t(route.name === 'organisation' ? 'title.organisation' : 'title.editOrganisation');
    case 'person':
    case 'editPerson':
      return t(route.name === 'person' ? 'title.person' : 'title.editPerson');
    case 'team':
    case 'editTeam':
      return t(route.name === 'team' ? 'title.team' : 'title.editTeam');
    case 'agreement':
    case 'editAgreement':
      return t(route.name === 'agreement' ? 'title.agreement' : 'title.editAgreement');
    case 'editActivity':
      return t('title.editActivity');
    case 'reach':
    case 'reachCell':
      return rt('nav.reach');
    case 'quickScan':
      return rt('nav.quickScan');
    case 'referrals':
      return t('referral.list.title');
    case 'adminUsers':
      return t('admin.users.heading');
    case 'adminAudit':
      return t('admin.audit.heading');
    case 'adminPerson':
      return t('admin.privacy.export');
    case 'selfService':
      return t('selfService.title');
    case 'proposals':
      return t('moderation.title');
    case 'managedLists':
      return t('managedLists.title');
    case 'notFound':
      return t('title.notFound');
  }
}

/**
 * The document title (WCAG 2.4.2): "<page> – <app>". Once the page's own h1 shows (a partner's name, a
 * buurt), that is the page part, so each title says which record is open.
 */
export function useDocumentTitle(fallback: string | null, appTitle: string, headingRoot: string | undefined) {
  useEffect(() => {
    if (fallback === null) return;
    const apply = () => {
      const h1 = headingRoot ? document.querySelector(`${headingRoot} h1`)?.textContent?.trim() : undefined;
      document.title = `${h1 || fallback} – ${appTitle}`;
    };
    apply();
    if (!headingRoot) return;
    const root = document.querySelector(headingRoot);
    if (!root) return;
    const observer = new MutationObserver(apply);
    observer.observe(root, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [fallback, appTitle, headingRoot]);
}
