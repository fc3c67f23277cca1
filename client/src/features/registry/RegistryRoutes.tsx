import { Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { paths, type Route } from '../../app/router';
import { RegistrationGate } from '../admin/components/RegistrationGate';
import { useRegistryText } from './registry-text';
import { lazyPage } from '../../app/lazy-page';

// Each page is its own chunk: the buurt page does not pay for the reach charts, the forms or the admin screens.
const AdminRoutes = lazyPage(() => import('../admin/components/AdminRoutes'), 'AdminRoutes');
const ImportPage = lazyPage(() => import('../exchange/components/ImportPage'), 'ImportPage');
const NeighbourhoodPage = lazyPage(() => import('../neighbourhood-page/components/NeighbourhoodPage'), 'NeighbourhoodPage');
const QuickScanPage = lazyPage(() => import('../quickscan/components/QuickScanPage'), 'QuickScanPage');
const ReachCellPage = lazyPage(() => import('../reach/components/ReachCellPage'), 'ReachCellPage');
const ReachPage = lazyPage(() => import('../reach/components/ReachPage'), 'ReachPage');
const ContactMomentsPage = lazyPage(() => import('../referral/components/ContactMomentsPage'), 'ContactMomentsPage');
const ReviewQueuePage = lazyPage(() => import('../review/components/ReviewQueuePage'), 'ReviewQueuePage');
const ModerationPage = lazyPage(() => import('../moderation/components/ModerationPage'), 'ModerationPage');
const ManagedListsPage = lazyPage(() => import('../managed-lists/components/ManagedListsPage'), 'ManagedListsPage');
const ActivityForm = lazyPage(() => import('../activity/components/ActivityForm'), 'ActivityForm');
const AgreementForm = lazyPage(() => import('../agreement/components/AgreementForm'), 'AgreementForm');
const AgreementPage = lazyPage(() => import('../agreement/components/AgreementPage'), 'AgreementPage');
const ContactAssignmentForm = lazyPage(() => import('../contact-assignment/components/ContactAssignmentForm'), 'ContactAssignmentForm');
const OrganisationForm = lazyPage(() => import('../organisation/components/OrganisationForm'), 'OrganisationForm');
const OrganisationPage = lazyPage(() => import('../organisation/components/OrganisationPage'), 'OrganisationPage');
const PersonForm = lazyPage(() => import('../person/components/PersonForm'), 'PersonForm');
const PersonPage = lazyPage(() => import('../person/components/PersonPage'), 'PersonPage');
const TeamForm = lazyPage(() => import('../team/components/TeamForm'), 'TeamForm');
const TeamPage = lazyPage(() => import('../team/components/TeamPage'), 'TeamPage');

/**
 * Every page other than the map: loaded as its own chunk, so the first load of the map stays small.
 * `key` makes each record a fresh component, so no state leaks from one record to the next.
 */
export default function RegistryRoutes({ route }: { route: Exclude<Route, { name: 'home' | 'selfService' }> }) {
  const { rt } = useRegistryText();
  switch (route.name) {
    case 'neighbourhood':
      return <NeighbourhoodPage key={route.code} code={route.code} />;
    case 'registerOrganisation':
      return (
        <RegistrationGate>
          <OrganisationForm key="new" />
        </RegistrationGate>
      );
    case 'editOrganisation':
      return <OrganisationForm key={route.id} id={route.id} />;
    case 'organisation':
      return <OrganisationPage key={route.id} id={route.id} />;
    case 'registerPerson':
      return (
        <RegistrationGate>
          <PersonForm key="new" />
        </RegistrationGate>
      );
    case 'editPerson':
      return <PersonForm key={route.id} id={route.id} />;
    case 'person':
      return <PersonPage key={route.id} id={route.id} />;
    case 'team':
      return <TeamPage key={route.id} id={route.id} />;
    case 'registerTeam':
      return <TeamForm key="new" />;
    case 'editTeam':
      return <TeamForm key={route.id} id={route.id} />;
    case 'registerActivity': {
      const { name: _name, ...origin } = route;
      return (
        <RegistrationGate>
          <ActivityForm key={`new-${JSON.stringify(origin)}`} origin={origin} />
        </RegistrationGate>
      );
    }
    case 'editActivity':
      return <ActivityForm key={route.id} id={route.id} returnTo={route.returnTo} />;
    case 'registerContact':
      return (
        <RegistrationGate>
          <ContactAssignmentForm
            key={`${route.teamId}-${route.organisationId}-${route.personId}`}
            teamId={route.teamId}
            organisationId={route.organisationId}
            personId={route.personId}
          />
        </RegistrationGate>
      );
    case 'registerAgreement':
      return (
        <RegistrationGate>
          <AgreementForm key={`new-${route.neighbourhoodCode}-${route.teamId}`} neighbourhoodCode={route.neighbourhoodCode} teamId={route.teamId} />
        </RegistrationGate>
      );
    case 'editAgreement':
      return <AgreementForm key={route.id} id={route.id} />;
    case 'agreement':
      return <AgreementPage key={route.id} id={route.id} />;
    case 'review':
      return <ReviewQueuePage />;
    case 'managedLists':
      return <ManagedListsPage />;
    case 'import':
      return <ImportPage />;
    case 'reach':
      return <ReachPage />;
    case 'quickScan':
      return <QuickScanPage key={route.teamId ?? ''} teamId={route.teamId} />;
    case 'referrals':
      return <ContactMomentsPage key={route.teamId ?? ''} teamId={route.teamId} />;
    case 'reachCell':
      return <ReachCellPage key={`${route.code}|${route.groupKey}`} code={route.code} groupKey={route.groupKey} />;
    case 'adminUsers':
    case 'adminAudit':
    case 'adminPerson':
      return <AdminRoutes route={route} />;
    case 'proposals':
      return <ModerationPage />;
    case 'notFound':
      return (
        <>
          <Heading level={1}>{rt('page.notFoundHeading')}</Heading>
          <Paragraph>{rt('page.notFound')}</Paragraph>
          <Paragraph>
            <Link href={paths.home()}>{rt('page.toMap')}</Link>
          </Paragraph>
        </>
      );
  }
}
