import { Link } from '@utrecht/component-library-react';
import { paths } from '../../../app/router';
import { useI18n } from '../../../i18n/i18n';

/** "Controle nodig" beside an entry that has not been verified for the review period. */
export function StaleMark({ isStale }: { isStale: boolean }) {
  const { t } = useI18n();
  return isStale ? <span className="badge badge--stale">{t('neighbourhoodPage.stale')}</span> : null;
}

/** Neighbourhood names as links to their neighbourhood pages. */
export function NeighbourhoodLinks({ neighbourhoods }: { neighbourhoods: readonly { code: string; name: string }[] }) {
  return (
    <>
      {neighbourhoods.map((n, i) => (
        <span key={n.code}>
          {i > 0 ? ', ' : ''}
          <Link href={paths.neighbourhood(n.code)}>{n.name}</Link>
        </span>
      ))}
    </>
  );
}

/** Under the neighbourhood field (also set by a click on the map): the way to that neighbourhood's page. */
export function NeighbourhoodPageLink({ neighbourhood }: { neighbourhood: { code: string; name: string } | undefined }) {
  const { t } = useI18n();
  if (!neighbourhood) return null;
  return (
    <p className="search__neighbourhood-link">
      <Link href={paths.neighbourhood(neighbourhood.code)}>{t('neighbourhoodPage.linkNamed', { name: neighbourhood.name })}</Link>
    </p>
  );
}
