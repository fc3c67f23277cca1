import { Link, Paragraph } from '@utrecht/component-library-react';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { paths } from '../../../app/router';
import { ReferralsDocument } from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';
import { useSession } from '../../auth/hooks/use-session';
import { Section } from '../../registry/components/record-parts';
import './referral.css';

const RECENT = 5;

/**
 * On a partner's page: the last few contact moments of the reader's own teams with this partner, with their outcome
 * (one paged query; the server answers only the reader's own teams). Not for policy officers, who see counts only.
 */
export function PartnerContactMoments({ partnerId }: { partnerId: string }) {
  const { t, locale, formatDate } = useI18n();
  const { user } = useSession();
  const mayRead = Boolean(user) && user?.role !== 'POLICY_OFFICER' && (user?.role === 'ADMINISTRATOR' || Boolean(user?.teams.length));
  const { data } = useGraphQLQuery(ReferralsDocument, { partnerId, page: { limit: RECENT, offset: 0 } }, { skip: !mayRead });
  const list = data?.referrals;
  if (!mayRead || !list) return null;
  return (
    <Section id="partner-contact-moments" title={t('referral.partner.title')}>
      {list.items.length ? (
        <ul className="referral-partner-list">
          {list.items.map((item) => (
            <li key={item.id}>
              {t('referral.partner.item', {
                date: formatDate(item.referredOn),
                topic: t(`topic.${item.topic}`),
                language: item.language ? (locale === 'nl' ? item.language.nameNl : item.language.nameEn) : '–',
                outcome: t(`referral.outcome.${item.outcome}`),
              })}
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t('referral.partner.none')}</Paragraph>
      )}
      <Paragraph>
        <Link href={paths.referrals()}>{t('referral.partner.all')}</Link>
      </Paragraph>
    </Section>
  );
}
