import { Fieldset, FieldsetLegend, FormFieldDescription } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { graphqlRequest } from '../../../api/graphql-client';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { navigate, paths } from '../../../app/router';
import {
  CreateOrganisationDocument,
  type OrganisationKind,
  type OrganisationRecordQuery,
  OrganisationRecordDocument,
  UpdateOrganisationDocument,
} from '../../../generated/graphql';
import { useClientSettings } from '../../app-settings/hooks/use-client-settings';
import { PROFILE_FIELD_NAMES, ProfileFields, organisationProfileInput, profileDraftFrom, useProfileLabels } from '../../profile/components/ProfileFields';
import {
  CheckboxGroup,
  ErrorSummary,
  FormScope,
  MultiPicker,
  SelectField,
  TextareaField,
  TextField,
  usePendingPicks,
  SaveButtons,
  bindFields,
} from '../../registry/forms/fields';
import { type FieldErrors, isEmail, isPhone, isUrl, orNull, orUndefined } from '../../registry/forms/form-errors';
import { announceStatus, type NextStep } from '../../registry/forms/status-message';
import { useFormSubmit } from '../../registry/forms/use-form-submit';
import { useRegistryChoices } from '../../registry/hooks/use-registry-choices';
import { type RegistryText, useRegistryText, type RegistryTextKey } from '../../registry/registry-text';
import { LocationPicker, type PlacedPoint } from '../../registry/components/LocationPicker';
import { PageHeading, PageState } from '../../registry/components/record-parts';

const KINDS: OrganisationKind[] = [
  'MIGRANT_ORGANISATION',
  'RELIGIOUS_ORGANISATION',
  'COMMUNITY_CENTRE',
  'WELFARE_ORGANISATION',
  'INTERPRETER_SERVICE',
  'OTHER',
];
const FORM_ID = 'organisation-form';

interface Draft {
  name: string;
  kind: OrganisationKind | '';
  description: string;
  address: string;
  postcode: string;
  city: string;
  website: string;
  phone: string;
  email: string;
  languageCodes: string[];
  communityCodes: string[];
  neighbourhoodCodes: string[];
  point: PlacedPoint | null;
  locationSource: 'MANUAL' | 'POSTCODE' | null;
  /** Whether the user placed or cleared the point in this form: only then is it sent. */
  pointChanged: boolean;
}

const EMPTY: Draft = {
  name: '',
  kind: '',
  description: '',
  address: '',
  postcode: '',
  city: '',
  website: '',
  phone: '',
  email: '',
  languageCodes: [],
  communityCodes: [],
  neighbourhoodCodes: [],
  point: null,
  locationSource: null,
  pointChanged: false,
};

type OrganisationRecord = NonNullable<OrganisationRecordQuery['organisation']>;

const draftFrom = (o: OrganisationRecord): Draft => ({
  name: o.name,
  kind: o.kind,
  description: o.description ?? '',
  address: o.address ?? '',
  postcode: o.postcode ?? '',
  city: o.city ?? '',
  website: o.website ?? '',
  phone: o.phone ?? '',
  email: o.email ?? '',
  languageCodes: o.languages.map((l) => l.code),
  communityCodes: o.communities.map((c) => c.code),
  neighbourhoodCodes: o.neighbourhoods.map((n) => n.code),
  point: o.lat != null && o.lon != null ? { lat: o.lat, lon: o.lon } : null,
  locationSource: o.locationSource ?? null,
  pointChanged: false,
});

function validate(draft: Draft, rt: RegistryText): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.name.trim()) errors.name = rt('form.required', { label: rt('organisation.name').toLowerCase() });
  else if (draft.name.length > 200) errors.name = rt('form.tooLong', { max: 200 });
  if (!draft.kind) errors.kind = rt('form.choose', { label: rt('organisation.kind').toLowerCase() });
  if (draft.email.trim() && !isEmail(draft.email.trim())) errors.email = rt('form.invalidEmail');
  if (draft.phone.trim() && !isPhone(draft.phone.trim())) errors.phone = rt('form.invalidPhone');
  if (draft.website.trim() && !isUrl(draft.website.trim())) errors.website = rt('form.invalidUrl');
  return errors;
}

/** Register (no id) or edit an organisation. */
export function OrganisationForm({ id }: { id?: string }) {
  const record = useGraphQLQuery(OrganisationRecordDocument, { id: id ?? '' }, { skip: !id });
  if (id && (record.loading || record.error || !record.data?.organisation)) {
    return <PageState loading={record.loading} error={record.error} notFound={!record.data?.organisation} />;
  }
  const organisation = record.data?.organisation ?? undefined;
  return <OrganisationFormBody key={organisation?.id ?? 'new'} organisation={organisation} />;
}

function OrganisationFormBody({ organisation }: { organisation?: OrganisationRecord }) {
  const { rt, t, locale } = useRegistryText();
  const choices = useRegistryChoices();
  const [draft, setDraft] = useState<Draft>(() => (organisation ? draftFrom(organisation) : EMPTY));
  // A new organisation is most likely in the municipality this installation serves: its name as the city, until changed.
  const { settings } = useClientSettings();
  const municipalityName = settings?.municipalityName;
  useEffect(() => {
    if (!organisation && municipalityName) setDraft((previous) => (previous.city === '' ? { ...previous, city: municipalityName } : previous));
  }, [organisation, municipalityName]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((previous) => ({ ...previous, [key]: value }));
  const field = bindFields(draft, set, (name) => rt(`organisation.${name}` as RegistryTextKey));
  const { pending, withPending, withPendingIn } = usePendingPicks();
  const [profile, setProfile] = useState(() => profileDraftFrom(organisation));
  const profileLabels = useProfileLabels();
  const knownFields = () => [
    'name',
    'kind',
    'description',
    'address',
    'postcode',
    'city',
    'website',
    'phone',
    'email',
    'languageCodes',
    'communityCodes',
    'neighbourhoodCodes',
    ...PROFILE_FIELD_NAMES,
  ];
  const { errors, busy, submit } = useFormSubmit({ knownFields });
  const labels: Record<string, string> = {
    name: rt('organisation.name'),
    kind: rt('organisation.kind'),
    website: rt('organisation.website'),
    phone: rt('organisation.phone'),
    email: rt('organisation.email'),
    languageCodes: rt('organisation.languages'),
    communityCodes: rt('organisation.communities'),
    neighbourhoodCodes: rt('organisation.neighbourhoods'),
    postcode: rt('organisation.postcode'),
    ...profileLabels,
  };

  const send = async () => {
    const kind = draft.kind as OrganisationKind;
    const lists = {
      languageCodes: withPending('languageCodes', draft.languageCodes),
      communityCodes: draft.communityCodes,
      neighbourhoodCodes: withPending('neighbourhoodCodes', draft.neighbourhoodCodes),
      ...organisationProfileInput(profile),
    };
    // A point placed on the map is sent (the server records it as MANUAL); a cleared one as null, so the postcode places it again.
    const location = draft.pointChanged ? { lat: draft.point?.lat ?? null, lon: draft.point?.lon ?? null } : {};
    if (organisation) {
      await graphqlRequest(UpdateOrganisationDocument, {
        input: {
          id: organisation.id,
          name: draft.name.trim(),
          kind,
          description: orNull(draft.description),
          address: orNull(draft.address),
          postcode: orNull(draft.postcode),
          city: orNull(draft.city),
          website: orNull(draft.website),
          phone: orNull(draft.phone),
          email: orNull(draft.email),
          ...lists,
          ...location,
        },
      });
      announceStatus(rt('organisation.saved', { name: draft.name.trim() }), paths.organisation(organisation.id), nextSteps(organisation.id));
      navigate(paths.organisation(organisation.id));
    } else {
      const { createOrganisation } = await graphqlRequest(CreateOrganisationDocument, {
        input: {
          name: draft.name.trim(),
          kind,
          description: orUndefined(draft.description),
          address: orUndefined(draft.address),
          postcode: orUndefined(draft.postcode),
          city: orUndefined(draft.city),
          website: orUndefined(draft.website),
          phone: orUndefined(draft.phone),
          email: orUndefined(draft.email),
          ...lists,
          ...(draft.point ? { lat: draft.point.lat, lon: draft.point.lon } : {}),
        },
      });
      announceStatus(
        rt('organisation.created', { name: createOrganisation.name }),
        paths.organisation(createOrganisation.id),
        nextSteps(createOrganisation.id),
      );
      navigate(paths.organisation(createOrganisation.id));
    }
  };

  /** What usually follows an organisation: its fixed contact person, a walk-in hour there, an agreement with it. */
  const nextSteps = (organisationId: string): NextStep[] => [
    { label: rt('next.makeContact'), href: paths.registerContact({ organisationId }) },
    { label: rt('next.registerActivity'), href: paths.registerActivity({ organisationId }) },
    { label: rt('next.recordAgreement'), href: paths.registerAgreement() },
  ];

  const languageOptions = choices.languages
    .map((l) => ({ value: l.code, label: `${locale === 'nl' ? l.nameNl : l.nameEn} (${l.code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));

  return (
    <>
      <PageHeading>{organisation ? rt('organisation.edit', { name: organisation.name }) : rt('organisation.new')}</PageHeading>
      <form id={FORM_ID} className="registry-form" noValidate onSubmit={submit(() => validate(withPendingIn(draft), rt), send)} aria-labelledby="page-heading">
        <ErrorSummary formId={FORM_ID} errors={errors} labels={labels} />
        <FormScope formId={FORM_ID} errors={errors.fields} pending={pending}>
          <TextField {...field('name')} required autoComplete="organization" maxLength={250} />
          <SelectField {...field('kind')} options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} emptyLabel={rt('form.chooseOne')} required />
          <TextareaField {...field('description')} />
          <TextField {...field('address')} autoComplete="street-address" />
          <TextField {...field('postcode')} autoComplete="postal-code" />
          <TextField {...field('city')} autoComplete="address-level2" />
          <Fieldset>
            <FieldsetLegend>{rt('organisation.location')}</FieldsetLegend>
            <LocationPicker
              id={`${FORM_ID}-location`}
              point={draft.point}
              source={draft.locationSource}
              bounds={settings?.municipalityBounds}
              tileUrl={settings?.tileUrl ?? undefined}
              tileAttribution={settings?.tileAttribution ?? undefined}
              onPlace={(point) => setDraft((d) => ({ ...d, point, locationSource: 'MANUAL', pointChanged: true }))}
              onClear={() => setDraft((d) => ({ ...d, point: null, locationSource: null, pointChanged: true }))}
            />
          </Fieldset>
          <Fieldset>
            <FieldsetLegend>{`${rt('organisation.website')}, ${rt('organisation.phone').toLowerCase()}, ${rt('organisation.email').toLowerCase()}`}</FieldsetLegend>
            <FormFieldDescription>{rt('organisation.contactHint')}</FormFieldDescription>
            <TextField {...field('website')} type="url" autoComplete="url" />
            <TextField {...field('phone')} type="tel" autoComplete="tel" />
            <TextField {...field('email')} type="email" autoComplete="email" />
          </Fieldset>
          <MultiPicker
            name="languageCodes"
            legend={rt('organisation.languages')}
            itemLabel={rt('form.itemLanguage')}
            options={languageOptions}
            value={draft.languageCodes}
            onChange={(v) => set('languageCodes', v)}
          />
          <CheckboxGroup
            name="communityCodes"
            legend={rt('organisation.communities')}
            options={choices.communities}
            value={draft.communityCodes}
            onChange={(v) => set('communityCodes', v)}
          />
          <MultiPicker
            name="neighbourhoodCodes"
            legend={rt('organisation.neighbourhoods')}
            itemLabel={rt('form.itemNeighbourhood')}
            options={choices.neighbourhoods}
            value={draft.neighbourhoodCodes}
            onChange={(v) => set('neighbourhoodCodes', v)}
          />
          <ProfileFields kind="organisation" value={profile} onChange={setProfile} />
        </FormScope>
        <SaveButtons busy={busy} cancelHref={organisation ? paths.organisation(organisation.id) : paths.home()} />
      </form>
    </>
  );
}
