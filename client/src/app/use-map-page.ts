import { useCallback, useEffect, useMemo, useState } from 'react';
import { useClientSettings } from '../features/app-settings/hooks/use-client-settings';
import { useSession } from '../features/auth/hooks/use-session';
import { useLanguages } from '../features/language/hooks/use-languages';
import { useNeighbourhoods } from '../features/neighbourhood/hooks/use-neighbourhoods';
import { criteriaFromUrl, urlFromCriteria } from '../features/matching/hooks/match-url';
import { useMatchPanel } from '../features/matching/hooks/use-match-panel';
import type { MapWalkInHour } from '../map/WalkInLayer';
import type { PartnerRef } from '../features/partner-search/hooks/use-partner-detail';
import { type SearchCriteria, usePartnerSearch } from '../features/partner-search/hooks/use-partner-search';
import { usePartnerMap } from '../features/partner-map/hooks/use-partner-map';
import type { SearchPartnersQuery } from '../generated/graphql';
import { type MapPartner, type MapView, partnerKey } from '../map/map-types';

const EMPTY_CRITERIA: SearchCriteria = { language: '', neighbourhoodCode: '' };

/** Where an opened partner of the list sits on the map: persons at their neighbourhood centre, organisations at their venue. */
function pointIn(data: SearchPartnersQuery | undefined, ref: PartnerRef): MapPartner | undefined {
  if (!data) return undefined;
  if (ref.kind === 'person') {
    const p = data.persons.items.find((item) => item.id === ref.id);
    return p?.mapPoint ? { id: p.id, kind: 'person', name: p.name, lat: p.mapPoint.lat, lon: p.mapPoint.lon, highlighted: true } : undefined;
  }
  const o = data.organisations.items.find((item) => item.id === ref.id);
  return o && o.lat != null && o.lon != null ? { id: o.id, kind: 'organisation', name: o.name, lat: o.lat, lon: o.lon, highlighted: true } : undefined;
}

function focusHeading(id: string) {
  const heading = document.getElementById(id);
  if (!heading) return;
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: 'start' });
}

/**
 * The map page's state: the two searches (ranked matching and browsing), the opened partner, the map's
 * view and its partners. It lives in App, above the routes, so the map page keeps it while another page is open.
 */
export function useMapPage() {
  const { session, user } = useSession();
  const signedIn = Boolean(user);
  const { settings } = useClientSettings();
  const { neighbourhoods, loading: neighbourhoodsLoading, error: neighbourhoodsError, municipalityCode } = useNeighbourhoods();
  const municipality = useMemo(
    () =>
      settings
        ? {
            name: settings.municipalityName,
            bounds: settings.municipalityBounds,
            borders: settings.municipalities.map((m) => ({ code: m.code, name: m.name, boundary: m.boundary })),
          }
        : undefined,
    [settings],
  );
  const { languages, error: languagesError } = useLanguages();
  const [mapView, setMapView] = useState<MapView | undefined>();
  // On a phone the map is a section the user opens (the results come first); elsewhere it is always there.
  const [mapOpen, setMapOpen] = useState(() => !window.matchMedia?.('(max-width: 48rem)').matches);
  useEffect(() => {
    const narrow = window.matchMedia?.('(max-width: 48rem)');
    if (!narrow) return;
    const onChange = () => {
      if (!narrow.matches) setMapOpen(true);
    };
    narrow.addEventListener('change', onChange);
    return () => narrow.removeEventListener('change', onChange);
  }, []);

  const [draft, setDraft] = useState<SearchCriteria>(EMPTY_CRITERIA);
  const [submitted, setSubmitted] = useState<(SearchCriteria & { searchId: number }) | undefined>();
  const [openPartner, setOpenPartner] = useState<PartnerRef | undefined>();
  const { results, loading: searching, error: searchError } = usePartnerSearch(submitted);

  // Two ways to search: "Zoek een partner" (ranked matching, kept in the URL) and browsing the directory.
  // The first tab, "Zoek een partner", is the default; a link to a browse search is not kept in the URL, so only a ranked one can open.
  const [mode, setMode] = useState<'browse' | 'match'>('match');
  // Only signed in: a shared link opened while signed out waits for sign-in and then runs its search
  // (the server refuses it anonymously), and signing out drops the results from the screen.
  const match = useMatchPanel(mode === 'match' && signedIn);
  const switchMode = (next: 'browse' | 'match') => {
    setMode(next);
    setOpenPartner(undefined);
    window.history.replaceState(null, '', next === 'match' ? urlFromCriteria(match.draft) : window.location.pathname);
  };
  // Back and forward move between searches kept in the URL.
  const restoreMatch = match.restore;
  useEffect(() => {
    const onPopState = () => {
      const { open, criteria } = criteriaFromUrl(window.location.search);
      setMode(open ? 'match' : 'browse');
      setOpenPartner(undefined);
      if (open) restoreMatch(criteria);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [restoreMatch]);

  const search = useCallback((criteria: SearchCriteria) => {
    setOpenPartner(undefined);
    setSubmitted((previous) => ({ ...criteria, searchId: (previous?.searchId ?? 0) + 1 }));
  }, []);

  const selectNeighbourhood = useCallback(
    (code: string) => {
      const next = { ...draft, neighbourhoodCode: code };
      setDraft(next);
      // Signed out, a click only picks the neighbourhood for the search after signing in.
      if (signedIn) search(next);
    },
    [draft, search, signedIn],
  );

  const reset = useCallback(() => {
    setDraft(EMPTY_CRITERIA);
    setSubmitted(undefined);
    setOpenPartner(undefined);
  }, []);

  // Whoever signs in next starts from an empty search: nothing of the previous user's results stays on screen.
  const userId = user?.id;
  useEffect(() => {
    if (!userId) {
      reset();
      setMode('match');
      setOpenPoint(undefined);
    }
  }, [userId, reset]);

  // Before a search the map shows every partner, clustered by the server; after one, all of its hits.
  // A ranked search shows its answer instead, each hit with its rank number (never clustered).
  // The walk-in hours of the last walk-in search, drawn on the map (issue 15).
  const [walkInFound, setWalkInFound] = useState<MapWalkInHour[]>([]);
  const rankedPartners = useMemo(
    () => (mode === 'match' && match.result ? match.mapPartners.map((p, index) => ({ ...p, rank: index + 1 })) : undefined),
    [mode, match.result, match.mapPartners],
  );
  const mapFilter =
    mode === 'browse' && submitted
      ? { language: submitted.language, neighbourhoodCode: submitted.neighbourhoodCode, postcode: submitted.postcode, radiusKm: submitted.radiusKm }
      : EMPTY_CRITERIA;
  const partnerMap = usePartnerMap(mapFilter, mapView, signedIn && !rankedPartners);
  const [openPoint, setOpenPoint] = useState<MapPartner | undefined>();
  const openOnMap = useCallback((partner: MapPartner) => {
    setOpenPartner({ kind: partner.kind, id: partner.id });
    setOpenPoint(partner);
  }, []);
  const selectedPartner =
    openPartner &&
    (openPoint && partnerKey(openPoint) === partnerKey(openPartner)
      ? openPoint
      : (rankedPartners?.find((p) => partnerKey(p) === partnerKey(openPartner)) ?? pointIn(results, openPartner)));

  // After a search the answer comes first: its heading is focused (and so announced) and scrolled into view.
  const browseSearchId = submitted?.searchId;
  useEffect(() => {
    if (browseSearchId && !searching) focusHeading('results-heading');
  }, [browseSearchId, searching]);
  const matchSearchId = match.submitted?.searchId;
  useEffect(() => {
    if (matchSearchId && !match.loading) focusHeading('match-results-heading');
  }, [matchSearchId, match.loading]);

  const languageError = searchError?.forField('language');
  const neighbourhoodError = searchError?.forField('neighbourhoodCode');
  const nearError = searchError?.forField('near.postcode') ?? searchError?.forField('near.radiusKm') ?? searchError?.forField('filter.near');
  const otherError = searchError && !languageError && !neighbourhoodError && !nearError ? searchError : undefined;

  return {
    session,
    signedIn,
    settings,
    neighbourhoods,
    neighbourhoodsLoading,
    neighbourhoodsError,
    municipalityCode,
    municipality,
    languages,
    languagesError,
    mapOpen,
    setMapOpen,
    draft,
    setDraft,
    submitted,
    openPartner,
    setOpenPartner,
    results,
    searching,
    mode,
    match,
    switchMode,
    search,
    selectNeighbourhood,
    reset,
    walkInFound,
    setWalkInFound,
    rankedPartners,
    partnerMap,
    openOnMap,
    selectedPartner,
    languageError,
    neighbourhoodError,
    nearError,
    otherError,
    setMapView,
  };
}

export type MapPageState = ReturnType<typeof useMapPage>;
