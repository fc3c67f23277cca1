import { describe, expect, it } from 'vitest';
import { matchRoute, paths } from '../router';

describe('matchRoute', () => {
  it('knows every page of the app', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute('/buurt/BU03440832')).toEqual({ name: 'neighbourhood', code: 'BU03440832' });
    expect(matchRoute('/registreren/organisatie')).toEqual({ name: 'registerOrganisation' });
    expect(matchRoute('/registreren/persoon')).toEqual({ name: 'registerPerson' });
    expect(matchRoute('/registreren/contactpersoon', '?team=t1')).toEqual({ name: 'registerContact', teamId: 't1', organisationId: undefined });
    expect(matchRoute('/registreren/afspraak', '?buurt=BU03440832')).toEqual({ name: 'registerAgreement', neighbourhoodCode: 'BU03440832', teamId: undefined });
    expect(matchRoute('/organisatie/o1')).toEqual({ name: 'organisation', id: 'o1' });
    expect(matchRoute('/organisatie/o1/bewerken')).toEqual({ name: 'editOrganisation', id: 'o1' });
    expect(matchRoute('/persoon/p1')).toEqual({ name: 'person', id: 'p1' });
    expect(matchRoute('/persoon/p1/bewerken')).toEqual({ name: 'editPerson', id: 'p1' });
    expect(matchRoute('/team/t1')).toEqual({ name: 'team', id: 't1' });
    expect(matchRoute('/afspraak/a1')).toEqual({ name: 'agreement', id: 'a1' });
    expect(matchRoute('/afspraak/a1/bewerken')).toEqual({ name: 'editAgreement', id: 'a1' });
    expect(matchRoute('/controle')).toEqual({ name: 'review' });
    expect(matchRoute('/bereik')).toEqual({ name: 'reach' });
    expect(matchRoute('/bereik/buurt/BU03440333', '?groep=community%3Aeritrean')).toEqual({
      name: 'reachCell',
      code: 'BU03440333',
      groupKey: 'community:eritrean',
    });
    expect(matchRoute('/bereik/buurt/BU03440333')).toEqual({ name: 'notFound', path: '/bereik/buurt/BU03440333' });
    expect(paths.reachCell('BU03440333', 'language:tir')).toBe('/bereik/buurt/BU03440333?groep=language%3Atir');
    expect(matchRoute('/quickscan', '?team=t1')).toEqual({ name: 'quickScan', teamId: 't1' });
    expect(matchRoute('/contactmomenten')).toEqual({ name: 'referrals', teamId: undefined });
    expect(matchRoute('/contactmomenten', '?team=t1')).toEqual({ name: 'referrals', teamId: 't1' });
    expect(paths.referrals('t1')).toBe('/contactmomenten?team=t1');
    expect(matchRoute('/registreren/team')).toEqual({ name: 'registerTeam' });
    expect(matchRoute('/team/t1/bewerken')).toEqual({ name: 'editTeam', id: 't1' });
    expect(matchRoute('/registreren/spreekuur', '?organisatie=o1')).toEqual({
      name: 'registerActivity',
      organisationId: 'o1',
      teamId: undefined,
      neighbourhoodCode: undefined,
      agreementId: undefined,
    });
    expect(matchRoute('/spreekuur/s1/bewerken', '?terug=%2Fteam%2Ft1')).toEqual({ name: 'editActivity', id: 's1', returnTo: '/team/t1' });
  });

  it('returns only to pages of the app after saving', () => {
    expect(matchRoute('/spreekuur/s1/bewerken', '?terug=https%3A%2F%2Fexample.org%2F')).toEqual({ name: 'editActivity', id: 's1', returnTo: undefined });
    expect(matchRoute('/spreekuur/s1/bewerken', '?terug=%2F%2Fexample.org%2Fteam%2Ft1')).toEqual({ name: 'editActivity', id: 's1', returnTo: undefined });
    expect(matchRoute('/spreekuur/s1/bewerken', '?terug=%2Fnergens')).toEqual({ name: 'editActivity', id: 's1', returnTo: undefined });
    expect(matchRoute('/spreekuur/s1/bewerken', '?terug=%2F%5Cexample.org')).toEqual({ name: 'editActivity', id: 's1', returnTo: undefined });
    expect(matchRoute('/spreekuur/s1/bewerken', '?terug=%2Fbuurt%2FBU03440832')).toEqual({ name: 'editActivity', id: 's1', returnTo: '/buurt/BU03440832' });
  });

  it('tolerates a trailing slash and refuses what it does not know', () => {
    expect(matchRoute('/controle/')).toEqual({ name: 'review' });
    expect(matchRoute('/team/t1/extra')).toEqual({ name: 'notFound', path: '/team/t1/extra' });
    expect(matchRoute('/spreekuur/s1')).toEqual({ name: 'notFound', path: '/spreekuur/s1' });
    expect(matchRoute('/registreren/iets')).toEqual({ name: 'notFound', path: '/registreren/iets' });
    expect(matchRoute('/buurt')).toEqual({ name: 'notFound', path: '/buurt' });
    expect(matchRoute('/persoon/%E0%A4%A')).toEqual({ name: 'person', id: '%E0%A4%A' });
  });

  it('round-trips the paths it builds', () => {
    expect(matchRoute(paths.neighbourhood('BU03440832'))).toEqual({ name: 'neighbourhood', code: 'BU03440832' });
    const [path, query] = paths.registerAgreement({ neighbourhoodCode: 'BU03440832', teamId: 'a b' }).split('?');
    expect(matchRoute(path!, `?${query}`)).toEqual({ name: 'registerAgreement', neighbourhoodCode: 'BU03440832', teamId: 'a b' });
    expect(paths.registerContact()).toBe('/registreren/contactpersoon');
    const [activityPath, activityQuery] = paths.registerActivity({ teamId: 't1', neighbourhoodCode: 'BU03440832' }).split('?');
    expect(matchRoute(activityPath!, `?${activityQuery}`)).toEqual({
      name: 'registerActivity',
      organisationId: undefined,
      teamId: 't1',
      neighbourhoodCode: 'BU03440832',
      agreementId: undefined,
    });
    const [editPath, editQuery] = paths.editActivity('s 1', paths.organisation('o1')).split('?');
    expect(matchRoute(editPath!, `?${editQuery}`)).toEqual({ name: 'editActivity', id: 's 1', returnTo: '/organisatie/o1' });
    expect(matchRoute(paths.person('id/with/slash'))).toEqual({ name: 'person', id: 'id/with/slash' });
  });
});
