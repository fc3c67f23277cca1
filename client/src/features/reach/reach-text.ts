import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n';

/** Texts of the Bereik pages: Dutch first, English beside it. */
const nl = {
  'reach.heading': 'Bereik en witte vlekken',
  'reach.intro':
    'Welke groepen bewoners bereikt het netwerk, in welke buurten, en waar zijn de witte vlekken? Berekend uit de buurtanalyse van de teams en de sociale kaart op {date}.',
  'reach.rules':
    'Groen: een actieve afspraak of een spreekuur in de taal (binnen {walk} km). Oranje: wel partners binnen {km} km, geen afspraak of spreekuur. Rood: de groep woont er, maar er is geen actuele partner in de buurt. Niet recent gecontroleerde partners tellen niet mee.',
  'reach.filters': 'Kies wat u wilt zien',
  'reach.group': 'Groep',
  'reach.allGroups': 'Alle gemeenschappen en taalgroepen',
  'reach.level': 'Niveau',
  'reach.levelNeighbourhood': 'Buurten',
  'reach.levelDistrict': 'Wijken',
  'reach.mapHeading': 'Kaart',
  'reach.mapLabel': 'Kaart van de buurten, gekleurd naar bereik',
  'reach.gapsHeading': 'Grootste witte vlekken',
  'reach.noGaps': 'Geen witte vlekken: elke vastgelegde groep heeft een afspraak of spreekuur.',
  'reach.matrixHeading': 'Bereik per buurt en groep',
  'reach.matrixCaption': 'Bereik per {level} (rijen) en gemeenschap of taalgroep (kolommen). Een lege cel: de groep is hier niet vastgelegd.',
  'reach.area': 'Gebied',
  'reach.status.RED': 'Rood: geen partner',
  'reach.status.AMBER': 'Oranje: geen afspraak',
  'reach.status.GREEN': 'Groen: bereikt',
  'reach.status.NONE': 'Niets vastgelegd',
  'reach.short.RED': 'Rood',
  'reach.short.AMBER': 'Oranje',
  'reach.short.GREEN': 'Groen',
  'reach.short.NONE': '–',
  'reach.cellLink': '{status}: {group} in {area}',
  'reach.exportCsv': 'Matrix als CSV',
  'reach.print': 'Afdrukken',
  'reach.snapshot': 'Momentopname maken',
  'reach.snapshotDone': 'Momentopname van {month} opgeslagen.',
  'reach.trendHeading': 'Bereik door de tijd',
  'reach.trendEmpty': 'Nog geen momentopnamen.',
  'reach.trendCaption': 'Aantal buurt-groepcombinaties per kleur, per maand',
  'reach.month': 'Maand',
  'reach.empty': 'Er is nog geen buurtanalyse vastgelegd: teams leggen op de buurtpagina of met het CSV-sjabloon vast welke groepen er wonen.',
  'reach.cell.heading': '{group} in {area}',
  'reach.cell.counts': 'Wat het netwerk hier biedt',
  'reach.cell.keyPersons': 'Sleutelpersonen',
  'reach.cell.formalInterpreters': 'Formele tolken',
  'reach.cell.informalInterpreters': 'Informele tolken',
  'reach.cell.organisations': 'Organisaties',
  'reach.cell.activeAgreements': 'Actieve afspraken',
  'reach.cell.walkInHours': 'Spreekuren in de taal',
  'reach.cell.fixedContacts': 'Met vaste contactpersoon',
  'reach.cell.stalePartners': 'Niet recent gecontroleerd (telt niet mee)',
  'reach.cell.estimate': 'Schatting bewoners',
  'reach.cell.missing': 'Wat ontbreekt',
  'reach.cell.partners': 'Partners die meetellen',
  'reach.cell.stale': 'Partners die niet meetellen (niet recent gecontroleerd)',
  'reach.cell.none': 'Geen.',
  'reach.cell.toNeighbourhood': 'Naar de buurtpagina',
  'reach.cell.back': 'Terug naar het overzicht',
  'reach.cell.aggregatesOnly': 'U ziet alleen aantallen; aantallen van 1 tot 4 staan er als "minder dan 5".',
  'reach.keyPerson': 'sleutelpersoon',
  'reach.formal': 'formele tolk',
  'reach.informal': 'informele tolk',
  'reach.band.FEW_HOUSEHOLDS': 'enkele huishoudens',
  'reach.band.GROUP': 'een groep',
  'reach.band.LARGE_GROUP': 'een grote groep',
};

export type ReachTextKey = keyof typeof nl;

const en: Partial<Record<ReachTextKey, string>> = {
  'reach.heading': 'Reach and gaps',
  'reach.intro':
    "Which groups of residents does the network reach, in which neighbourhoods, and where are the gaps? Computed from the teams' neighbourhood analysis and the directory on {date}.",
  'reach.rules':
    'Green: an active agreement or a walk-in hour in the language (within {walk} km). Amber: partners within {km} km, but no agreement or walk-in hour. Red: the group lives here, but no current partner is near. Partners not verified recently do not count.',
  'reach.filters': 'Choose what to see',
  'reach.group': 'Group',
  'reach.allGroups': 'All communities and language groups',
  'reach.level': 'Level',
  'reach.levelNeighbourhood': 'Neighbourhoods',
  'reach.levelDistrict': 'Districts',
  'reach.mapHeading': 'Map',
  'reach.mapLabel': 'Map of the neighbourhoods, coloured by reach',
  'reach.gapsHeading': 'Largest gaps',
  'reach.noGaps': 'No gaps: every group recorded has an agreement or a walk-in hour.',
  'reach.matrixHeading': 'Reach per neighbourhood and group',
  'reach.matrixCaption': 'Reach per {level} (rows) and community or language group (columns). An empty cell: the group is not recorded here.',
  'reach.area': 'Area',
  'reach.status.RED': 'Red: no partner',
  'reach.status.AMBER': 'Amber: no agreement',
  'reach.status.GREEN': 'Green: reached',
  'reach.status.NONE': 'Nothing recorded',
  'reach.short.RED': 'Red',
  'reach.short.AMBER': 'Amber',
  'reach.short.GREEN': 'Green',
  'reach.cellLink': '{status}: {group} in {area}',
  'reach.exportCsv': 'Matrix as CSV',
  'reach.print': 'Print',
  'reach.snapshot': 'Take a snapshot',
  'reach.snapshotDone': 'Snapshot of {month} stored.',
  'reach.trendHeading': 'Reach over time',
  'reach.trendEmpty': 'No snapshots yet.',
  'reach.trendCaption': 'Neighbourhood-group combinations per colour, per month',
  'reach.month': 'Month',
  'reach.empty': 'No neighbourhood analysis has been recorded yet: teams record which groups live where on the neighbourhood page or with the CSV template.',
  'reach.cell.heading': '{group} in {area}',
  'reach.cell.counts': 'What the network offers here',
  'reach.cell.keyPersons': 'Key persons',
  'reach.cell.formalInterpreters': 'Formal interpreters',
  'reach.cell.informalInterpreters': 'Informal interpreters',
  'reach.cell.organisations': 'Organisations',
  'reach.cell.activeAgreements': 'Active agreements',
  'reach.cell.walkInHours': 'Walk-in hours in the language',
  'reach.cell.fixedContacts': 'With a fixed contact person',
  'reach.cell.stalePartners': 'Not verified recently (not counted)',
  'reach.cell.estimate': 'Estimated residents',
  'reach.cell.missing': 'What is missing',
  'reach.cell.partners': 'Partners that count',
  'reach.cell.stale': 'Partners that do not count (not verified recently)',
  'reach.cell.none': 'None.',
  'reach.cell.toNeighbourhood': 'To the neighbourhood page',
  'reach.cell.back': 'Back to the overview',
  'reach.cell.aggregatesOnly': 'You see counts only; counts from 1 to 4 show as "fewer than 5".',
  'reach.keyPerson': 'key person',
  'reach.formal': 'formal interpreter',
  'reach.informal': 'informal interpreter',
  'reach.band.FEW_HOUSEHOLDS': 'a few households',
  'reach.band.GROUP': 'a group',
  'reach.band.LARGE_GROUP': 'a large group',
};

export type ReachText = (key: ReachTextKey, params?: Record<string, string | number>) => string;

export function useReachText() {
  const i18n = useI18n();
  const t = useMemo<ReachText>(() => {
    const dictionary = i18n.locale === 'en' ? en : {};
    return (key, params) => {
      const text: string = dictionary[key] ?? nl[key] ?? key;
      return params ? text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match)) : text;
    };
  }, [i18n.locale]);
  return { ...i18n, rt: t };
}
