import { useEffect, useSyncExternalStore } from 'react';

/**
 * A tiny router on the History API: every page has a real URL, links are real <a href>, and a click on
 * a same-origin link changes the page without a reload. No package: the app has a dozen routes.
 */

export type Route =
  | { name: 'home' }
  | { name: 'neighbourhood'; code: string }
  | { name: 'registerOrganisation' }
  | { name: 'registerPerson' }
  | { name: 'registerContact'; teamId?: string; organisationId?: string; personId?: string }
  | { name: 'registerAgreement'; neighbourhoodCode?: string; teamId?: string }
  | { name: 'registerTeam' }
  | { name: 'registerActivity'; organisationId?: string; teamId?: string; neighbourhoodCode?: string; agreementId?: string }
  | { name: 'organisation'; id: string }
  | { name: 'editOrganisation'; id: string }
  | { name: 'person'; id: string }
  | { name: 'editPerson'; id: string }
  | { name: 'team'; id: string }
  | { name: 'editTeam'; id: string }
  | { name: 'editActivity'; id: string; returnTo?: string }
  | { name: 'agreement'; id: string }
  | { name: 'editAgreement'; id: string }
  | { name: 'review' }
  | { name: 'import' }
  | { name: 'reach' }
  | { name: 'reachCell'; code: string; groupKey: string }
  | { name: 'quickScan'; teamId?: string }
  | { name: 'referrals'; teamId?: string }
  | { name: 'adminUsers' }
  | { name: 'adminAudit'; entityType?: string; entityId?: string; userId?: string; from?: string; to?: string; action?: string }
  | { name: 'adminPerson'; id: string }
  | { name: 'selfService'; token: string }
  | { name: 'proposals' }
  | { name: 'managedLists' }
  | { name: 'notFound'; path: string };

export type RouteName = Route['name'];

/** URLs of the pages, in one place. */
export const paths = {
  home: () => '/',
  neighbourhood: (code: string) => `/buurt/${encodeURIComponent(code)}`,
  registerOrganisation: () => '/registreren/organisatie',
  registerPerson: () => '/registreren/persoon',
  registerContact: (party?: { teamId?: string; organisationId?: string; personId?: string }) =>
    withQuery('/registreren/contactpersoon', { team: party?.teamId, organisatie: party?.organisationId, persoon: party?.personId }),
  registerAgreement: (options?: { neighbourhoodCode?: string; teamId?: string }) =>
    withQuery('/registreren/afspraak', { buurt: options?.neighbourhoodCode, team: options?.teamId }),
  registerTeam: () => '/registreren/team',
  /** A new walk-in hour, for an organisation, a team (under one of its agreements), a neighbourhood or an agreement. */
  registerActivity: (options?: { organisationId?: string; teamId?: string; neighbourhoodCode?: string; agreementId?: string }) =>
    withQuery('/registreren/spreekuur', {
      organisatie: options?.organisationId,
      team: options?.teamId,
      buurt: options?.neighbourhoodCode,
      afspraak: options?.agreementId,
    }),
  organisation: (id: string) => `/organisatie/${encodeURIComponent(id)}`,
  editOrganisation: (id: string) => `/organisatie/${encodeURIComponent(id)}/bewerken`,
  person: (id: string) => `/persoon/${encodeURIComponent(id)}`,
  editPerson: (id: string) => `/persoon/${encodeURIComponent(id)}/bewerken`,
  team: (id: string) => `/team/${encodeURIComponent(id)}`,
  editTeam: (id: string) => `/team/${encodeURIComponent(id)}/bewerken`,
  /** `returnTo`: the page to go back to after saving (a path of this app). */
  editActivity: (id: string, returnTo?: string) => withQuery(`/spreekuur/${encodeURIComponent(id)}/bewerken`, { terug: returnTo }),
  agreement: (id: string) => `/afspraak/${encodeURIComponent(id)}`,
  editAgreement: (id: string) => `/afspraak/${encodeURIComponent(id)}/bewerken`,
  review: () => '/controle',
  managedLists: () => '/beheer/lijsten',
  importData: () => '/importeren',
  reach: () => '/bereik',
  quickScan: (teamId?: string) => withQuery('/quickscan', { team: teamId }),
  /** The team's contact moments (referral log) and their outcome. */
  referrals: (teamId?: string) => withQuery('/contactmomenten', { team: teamId }),
  /** A partner's own page through their personal link (issue 14), without an account. */
  selfService: (token: string) => `/eigen-gegevens/${encodeURIComponent(token)}`,
  proposals: () => '/voorstellen',
  /** One cell of the reach matrix: a buurt and a group (community:<code> or language:<code>). */
  adminUsers: () => '/beheer/gebruikers',
  /** The audit log, filtered by record, user, period or action. */
  adminAudit: (filter?: { entityType?: string; entityId?: string; userId?: string; from?: string; to?: string; action?: string }) =>
    withQuery('/beheer/logboek', {
      soort: filter?.entityType,
      record: filter?.entityId,
      gebruiker: filter?.userId,
      van: filter?.from,
      tot: filter?.to,
      handeling: filter?.action,
    }),
  /** A person's AVG page: export and erasure. */
  adminPerson: (id: string) => `/beheer/persoon/${encodeURIComponent(id)}`,
  reachCell: (code: string, groupKey: string) => withQuery(`/bereik/buurt/${encodeURIComponent(code)}`, { groep: groupKey }),
};

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The route for a path and query string; unknown paths give `notFound`. Pure, so it is unit-tested. */
export function matchRoute(pathname: string, search = ''): Route {
  const query = new URLSearchParams(search);
  const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean).map(safeDecode);
  const opt = (key: string) => query.get(key) || undefined;
  const [first, second, third] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (parts.length === 2 && first === 'buurt') return { name: 'neighbourhood', code: second! };
  if (parts.length === 2 && first === 'registreren') {
    if (second === 'organisatie') return { name: 'registerOrganisation' };
    if (second === 'persoon') return { name: 'registerPerson' };
    if (second === 'contactpersoon') return { name: 'registerContact', teamId: opt('team'), organisationId: opt('organisatie'), personId: opt('persoon') };
    if (second === 'afspraak') return { name: 'registerAgreement', neighbourhoodCode: opt('buurt'), teamId: opt('team') };
    if (second === 'team') return { name: 'registerTeam' };
    if (second === 'spreekuur') {
      return {
        name: 'registerActivity',
        organisationId: opt('organisatie'),
        teamId: opt('team'),
        neighbourhoodCode: opt('buurt'),
        agreementId: opt('afspraak'),
      };
    }
  }
  if (parts.length === 1 && first === 'controle') return { name: 'review' };
  if (parts.length === 2 && first === 'beheer' && second === 'lijsten') return { name: 'managedLists' };
  if (first === 'beheer') {
    if (parts.length === 2 && second === 'gebruikers') return { name: 'adminUsers' };
    if (parts.length === 2 && second === 'logboek') {
      return {
        name: 'adminAudit',
        entityType: opt('soort'),
        entityId: opt('record'),
        userId: opt('gebruiker'),
        from: opt('van'),
        to: opt('tot'),
        action: opt('handeling'),
      };
    }
    if (parts.length === 3 && second === 'persoon') return { name: 'adminPerson', id: third! };
  }
  if (parts.length === 1 && first === 'voorstellen') return { name: 'proposals' };
  if (parts.length === 2 && first === 'eigen-gegevens') return { name: 'selfService', token: second! };
  if (parts.length === 1 && first === 'importeren') return { name: 'import' };
  if (parts.length === 1 && first === 'bereik') return { name: 'reach' };
  if (parts.length === 1 && first === 'quickscan') return { name: 'quickScan', teamId: opt('team') };
  if (parts.length === 1 && first === 'contactmomenten') return { name: 'referrals', teamId: opt('team') };
  if (parts.length === 3 && first === 'bereik' && second === 'buurt' && opt('groep')) return { name: 'reachCell', code: third!, groupKey: opt('groep')! };
  if (parts.length === 2 || (parts.length === 3 && third === 'bewerken')) {
    const id = second!;
    const edit = parts.length === 3;
    if (first === 'organisatie') return edit ? { name: 'editOrganisation', id } : { name: 'organisation', id };
    if (first === 'persoon') return edit ? { name: 'editPerson', id } : { name: 'person', id };
    if (first === 'afspraak') return edit ? { name: 'editAgreement', id } : { name: 'agreement', id };
    if (first === 'team') return edit ? { name: 'editTeam', id } : { name: 'team', id };
    if (first === 'spreekuur' && edit) return { name: 'editActivity', id, returnTo: appPath(opt('terug')) };
  }
  return { name: 'notFound', path: pathname };
}

/** A path of this app to return to, or undefined: never another origin ("//host", "https:") nor an unknown page. */
export function appPath(value: string | undefined): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return undefined;
  const queryStart = value.indexOf('?');
  const route = queryStart < 0 ? matchRoute(value) : matchRoute(value.slice(0, queryStart), value.slice(queryStart));
  return route.name === 'notFound' ? undefined : value;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

/** Go to a path inside the app (pushState), or replace the current entry. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.scrollTo(0, 0);
  notify();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const currentLocation = () => window.location.pathname + window.location.search;

/** Same-origin links without a target, download or modifier key change the page in the app itself. */
function interceptLinkClicks(event: MouseEvent) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = (event.target as Element | null)?.closest?.('a[href]');
  if (!(anchor instanceof HTMLAnchorElement)) return;
  if (anchor.target && anchor.target !== '_self') return;
  if (anchor.hasAttribute('download') || anchor.dataset.reload !== undefined) return;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return;
  // In-page anchors (skip links, error summary) keep their normal behaviour.
  if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return;
  // Server routes (GraphQL, downloads, HSDS) are not pages of the app.
  if (/^\/(graphql|hsds|export|sjablonen|api)(\/|$)/.test(url.pathname)) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}

let installed = 0;

/** The current route; re-renders on navigate() and on back/forward. */
export function useRoute(): Route {
  const location = useSyncExternalStore(subscribe, currentLocation, currentLocation);
  useEffect(() => {
    if (installed++ === 0) document.addEventListener('click', interceptLinkClicks);
    return () => {
      if (--installed === 0) document.removeEventListener('click', interceptLinkClicks);
    };
  }, []);
  const queryStart = location.indexOf('?');
  return queryStart < 0 ? matchRoute(location) : matchRoute(location.slice(0, queryStart), location.slice(queryStart));
}
