import { Button, FormField, FormLabel, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { graphqlRequest } from '../../../api/graphql-client';
import { type WalkInHoursQuery, WalkInHoursDocument } from '../../../generated/graphql';
import type { MapWalkInHour } from '../../../map/WalkInLayer';
import { useI18n } from '../../../i18n/i18n';
import './walk-in.css';

type Period = 'week' | 'nextWeek' | 'month';
const PAGE = 20;

const iso = (d: Date) => d.toISOString().slice(0, 10);
/** The first and last day (YYYY-MM-DD) of a period, weeks from Monday to Sunday. */
export function periodRange(period: Period, today = new Date()): { from: string; to: string } {
  const day = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()));
  const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
  if (period === 'month') return { from: iso(day), to: iso(new Date(day.getTime() + 29 * 86_400_000)) };
  const start = period === 'week' ? monday : new Date(monday.getTime() + 7 * 86_400_000);
  return { from: period === 'week' ? iso(day) : iso(start), to: iso(new Date(start.getTime() + 6 * 86_400_000)) };
}

interface Props {
  languages: readonly { code: string; nameNl: string; nameEn: string }[];
  neighbourhoods: readonly { code: string; name: string }[];
  /** What the search found, for the map. */
  onFound?(walkInHours: MapWalkInHour[]): void;
}

/** "Spreekuren in het Tigrinya deze week": walk-in hours by language, buurt and period, soonest first. */
export function WalkInHours({ languages, neighbourhoods, onFound }: Props) {
  const { t, locale } = useI18n();
  const [language, setLanguage] = useState('');
  const [code, setCode] = useState('');
  const [period, setPeriod] = useState<Period>('week');
  const [result, setResult] = useState<WalkInHoursQuery['walkInHours'] | undefined>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const languageName = (l: { nameNl: string; nameEn: string }) => (locale === 'nl' ? l.nameNl : l.nameEn);
  const dayFormat = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

  const load = async (offset: number) => {
    setLoading(true);
    setError(undefined);
    try {
      const { walkInHours } = await graphqlRequest(WalkInHoursDocument, {
        filter: { ...periodRange(period), languages: language ? [language] : null, neighbourhoodCode: code || null },
        page: { limit: PAGE, offset },
      });
      const items = offset && result ? [...result.items, ...walkInHours.items] : walkInHours.items;
      setResult({ ...walkInHours, items });
      onFound?.(
        items.map((o) => ({
          activityId: o.activity.id,
          name: o.activity.name,
          venueName: o.activity.venueName,
          neighbourhoodCode: o.activity.neighbourhoodCode,
          when: t('walkIn.when', { day: dayFormat.format(new Date(`${o.date}T12:00:00Z`)), start: o.activity.startTime, end: o.activity.endTime }),
        })),
      );
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setLoading(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void load(0);
  };

  return (
    <details className="walk-in">
      <summary className="walk-in__summary">{t('walkIn.heading')}</summary>
      <Paragraph>{t('walkIn.intro')}</Paragraph>
      <form onSubmit={submit} className="walk-in__form" aria-label={t('walkIn.heading')}>
        <FormField type="select" label={<FormLabel htmlFor="walk-in-language">{t('walkIn.language')}</FormLabel>}>
          <Select id="walk-in-language" value={language} onChange={(e) => setLanguage(e.target.value)}>
            <SelectOption value="">{t('walkIn.anyLanguage')}</SelectOption>
            {languages.map((l) => (
              <SelectOption key={l.code} value={l.code}>
                {languageName(l)}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField type="select" label={<FormLabel htmlFor="walk-in-neighbourhood">{t('walkIn.neighbourhood')}</FormLabel>}>
          <Select id="walk-in-neighbourhood" value={code} onChange={(e) => setCode(e.target.value)}>
            <SelectOption value="">{t('walkIn.anyNeighbourhood')}</SelectOption>
            {neighbourhoods.map((n) => (
              <SelectOption key={n.code} value={n.code}>
                {n.name}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField type="select" label={<FormLabel htmlFor="walk-in-period">{t('walkIn.period')}</FormLabel>}>
          <Select id="walk-in-period" value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
            {(['week', 'nextWeek', 'month'] as const).map((p) => (
              <SelectOption key={p} value={p}>
                {t(`walkIn.period.${p}`)}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <Button type="submit" appearance="secondary-action-button" disabled={loading}>
          {t('walkIn.search')}
        </Button>
      </form>
      <div role="status" className="walk-in__status">
        {loading ? t('walkIn.loading') : result ? t('walkIn.count', { count: result.totalCount }) : ''}
      </div>
      {error ? (
        <p role="alert" className="error-text">
          {t('walkIn.error', { message: error.message })}
        </p>
      ) : null}
      {result?.items.length ? (
        <ul className="walk-in__list" aria-label={t('walkIn.results')}>
          {result.items.map((o) => (
            <li key={`${o.activity.id}:${o.date}`} className="walk-in__item">
              <strong>{o.activity.name}</strong>
              <span>{t('walkIn.when', { day: dayFormat.format(new Date(`${o.date}T12:00:00Z`)), start: o.activity.startTime, end: o.activity.endTime })}</span>
              <span>{t('walkIn.where', { venue: o.activity.venueName, neighbourhood: o.activity.neighbourhood?.name ?? o.activity.neighbourhoodCode })}</span>
              <span>
                {o.activity.recurrenceText} · {t(`walkIn.audience.${o.activity.audience}`)}
              </span>
              {o.activity.languages.length ? <span>{t('walkIn.languages', { languages: o.activity.languages.map(languageName).join(', ') })}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {result?.hasMore ? (
        <Button type="button" appearance="subtle-button" disabled={loading} onClick={() => void load(result.items.length)}>
          {t('walkIn.more')}
        </Button>
      ) : null}
    </details>
  );
}
