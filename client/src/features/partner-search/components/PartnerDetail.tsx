import { PhoneLink } from './PhoneLink';
import { ReferralButton } from '../../referral/components/ReferralButton';
import { ReferralLoad } from '../../referral/components/ReferralLoad';
import { Button, DataList, DataListItem, DataListKey, DataListValue, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { type PartnerRef, usePartnerDetail } from '../hooks/use-partner-detail';
import { languageName, languageWithLevel, roleLabels } from './partner-labels';

interface Props {
  partner: PartnerRef;
  onBack(): void;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

/**
 * Everything the schema offers about one partner. A person's own phone and e-mail come from
 * `contactDetails`, which only signed-in users get; the server logs each read, and the view says so.
 */
export function PartnerDetail({ partner, onBack }: Props) {
  const { t, locale, formatDate } = useI18n();
  const { person, organisation, loading, error, notFound } = usePartnerDetail(partner);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const name = person?.name ?? organisation?.name;

  // Move focus to the heading once the details are there, so keyboard and screen reader users follow.
  useEffect(() => {
    if (name) headingRef.current?.focus();
  }, [name]);

  const yesNo = (value: boolean) => t(value ? 'detail.yes' : 'detail.no');
  const names = (items: readonly { name: string }[]) => items.map((i) => i.name).join(', ');

  return (
    <article className="partner-detail" aria-busy={loading} aria-labelledby={name ? 'partner-detail-heading' : undefined}>
      <Button type="button" appearance="subtle-button" onClick={onBack} className="partner-detail__back">
        {`← ${t('detail.back')}`}
      </Button>
      {loading ? (
        <Paragraph role="status">{t('detail.loading')}</Paragraph>
      ) : error ? (
        <Paragraph role="alert" className="error-text">
          {t('error.generic', { message: error.message })}
        </Paragraph>
      ) : notFound ? (
        <Paragraph role="alert">{t('detail.notFound')}</Paragraph>
      ) : null}

      {person ? (
        <>
          <Heading level={2} id="partner-detail-heading" ref={headingRef} tabIndex={-1}>
            {person.name}
          </Heading>
          <Paragraph className="partner-detail__kind">{`${t('detail.person')} · ${roleLabels(person, t).join(' · ')}`}</Paragraph>
          <ReferralLoad load={person.referralLoad} />
          <ReferralButton
            partner={{ id: person.id, name: person.name, kind: 'PERSON' }}
            neighbourhoodCode={person.neighbourhoods[0]?.code ?? null}
            neighbourhoods={person.neighbourhoods}
            languages={person.languages.map((l) => l.language)}
          />
          <DataList>
            <Row label={t('detail.roles')}>{roleLabels(person, t).join(', ')}</Row>
            <Row label={t('detail.languages')}>{person.languages.map((l) => languageWithLevel(l, locale, t)).join(', ')}</Row>
            <Row label={t('detail.communities')}>{person.communities.map((c) => languageName(c, locale)).join(', ')}</Row>
            <Row label={t('detail.neighbourhoods')}>{names(person.neighbourhoods)}</Row>
            <Row label={t('detail.topics')}>{person.topics.map((topic) => t(`topic.${topic}`)).join(', ')}</Row>
            <Row label={t('detail.availability')}>
              {t(`availability.${person.availability}`) + (person.availabilityNote ? ` (${person.availabilityNote})` : '')}
            </Row>
            {person.isKeyPerson ? <Row label={t('detail.trainedKeyPerson')}>{yesNo(person.trainedKeyPerson)}</Row> : null}
            <Row label={t('detail.volunteerContract')}>{yesNo(person.volunteerContract)}</Row>
            {person.isInterpreter && person.interpreterFormal ? <Row label={t('detail.registrationNumber')}>{person.registrationNumber ?? '–'}</Row> : null}
            <Row label={t('detail.phone')}>
              <PhoneLink phone={person.contactDetails?.phone} />
            </Row>
            <Row label={t('detail.email')}>
              {person.contactDetails?.email ? <Link href={`mailto:${person.contactDetails.email}`}>{person.contactDetails.email}</Link> : null}
            </Row>
            {!person.contactDetails?.phone && !person.contactDetails?.email ? <Row label={t('detail.contact')}>{t('detail.noContact')}</Row> : null}
            <Row label={t('detail.location')}>
              {person.mapPoint
                ? t('detail.personLocation', {
                    neighbourhood:
                      person.neighbourhoods.find((n) => n.code === person.mapPoint?.neighbourhoodCode)?.name ?? person.mapPoint.neighbourhoodCode ?? '',
                  })
                : null}
            </Row>
            <Row label={t('detail.organisationId')}>{person.organisationId}</Row>
            <Row label={t('detail.teamId')}>{person.teamId}</Row>
            <Row label={t('detail.consent')}>
              {t('detail.consentText', {
                date: formatDate(person.consentGivenOn),
                method: t(`consent.${person.consentMethod}`),
                by: person.consentRecordedBy,
              })}
            </Row>
            <Row label={t('detail.lastVerified')}>{person.lastVerifiedOn ? formatDate(person.lastVerifiedOn) : t('results.neverVerified')}</Row>
            <Row label={t('detail.created')}>{formatDate(person.createdAt)}</Row>
            <Row label={t('detail.updated')}>{formatDate(person.updatedAt)}</Row>
          </DataList>
          {person.isDemo ? <Paragraph className="partner-detail__demo">{t('detail.demo')}</Paragraph> : null}
          <Paragraph className="partner-detail__privacy">{t('detail.contactLogged')}</Paragraph>
        </>
      ) : null}

      {organisation ? (
        <>
          <Heading level={2} id="partner-detail-heading" ref={headingRef} tabIndex={-1}>
            {organisation.name}
          </Heading>
          <Paragraph className="partner-detail__kind">{`${t('detail.organisation')} · ${t(`kind.${organisation.kind}`)}`}</Paragraph>
          <ReferralLoad load={organisation.referralLoad} />
          <ReferralButton
            partner={{ id: organisation.id, name: organisation.name, kind: 'ORGANISATION' }}
            neighbourhoodCode={organisation.neighbourhoods[0]?.code ?? null}
            neighbourhoods={organisation.neighbourhoods}
            languages={organisation.languages}
          />
          {organisation.description ? <Paragraph>{organisation.description}</Paragraph> : null}
          <DataList>
            <Row label={t('detail.kind')}>{t(`kind.${organisation.kind}`)}</Row>
            <Row label={t('detail.languages')}>{organisation.languages.map((l) => languageName(l, locale)).join(', ')}</Row>
            <Row label={t('detail.communities')}>{organisation.communities.map((c) => languageName(c, locale)).join(', ')}</Row>
            <Row label={t('detail.servedNeighbourhoods')}>{names(organisation.neighbourhoods)}</Row>
            <Row label={t('detail.address')}>
              {[organisation.address, [organisation.postcode, organisation.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}
            </Row>
            <Row label={t('detail.website')}>
              {organisation.website ? (
                <Link href={organisation.website} external rel="noopener noreferrer">
                  {organisation.website}
                </Link>
              ) : null}
            </Row>
            <Row label={t('detail.phone')}>
              <PhoneLink phone={organisation.phone} />
            </Row>
            <Row label={t('detail.email')}>{organisation.email ? <Link href={`mailto:${organisation.email}`}>{organisation.email}</Link> : null}</Row>
            <Row label={t('detail.lastVerified')}>{organisation.lastVerifiedOn ? formatDate(organisation.lastVerifiedOn) : t('results.neverVerified')}</Row>
            <Row label={t('detail.created')}>{formatDate(organisation.createdAt)}</Row>
            <Row label={t('detail.updated')}>{formatDate(organisation.updatedAt)}</Row>
          </DataList>
          {organisation.isDemo ? <Paragraph className="partner-detail__demo">{t('detail.demo')}</Paragraph> : null}
        </>
      ) : null}
    </article>
  );
}
