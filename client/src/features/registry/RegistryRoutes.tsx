import { Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { paths, type Route } from '../../app/router';
import { AdminRoutes } from '../admin/components/AdminRoutes';
import { RegistrationGate } from '../admin/components/RegistrationGate';
import { ImportPage } from '../exchange/components/ImportPage';
import { NeighbourhoodPage } from '../neighbourhood-page/components/NeighbourhoodPage';
import { QuickScanPage } from '../quickscan/components/QuickScanPage';
import { ReachCellPage } from '../reach/components/ReachCellPage';
import { ReachPage } from '../reach/components/ReachPage';
import { ContactMomentsPage } from '../referral/components/ContactMomentsPage';
import { ReviewQueuePage } from '../review/components/ReviewQueuePage';
import { ModerationPage } from '../moderation/components/ModerationPage';
import { SelfServicePage } from '../self-service/components/SelfServicePage';
import { ManagedListsPage } from '../managed-lists/components/ManagedListsPage';
import { ActivityForm } from './components/ActivityForm';
import { AgreementForm } from './components/AgreementForm';
import { AgreementPage } from './components/AgreementPage';
import { ContactAssignmentForm } from './components/ContactAssignmentForm';
import { OrganisationForm } from './components/OrganisationForm';
import { OrganisationPage } from './components/OrganisationPage';
import { PersonForm } from './components/PersonForm';
import { PersonPage } from './components/PersonPage';
import { TeamForm } from './components/TeamForm';
import { TeamPage } from './components/TeamPage';
import { useRegistryText } from './registry-text';

/**
 * Every page other than the map: loaded as its own chunk, so the first load of the map stays small.
 * `key` makes each record a fresh component, so no state leaks from one record to the next.
 */
export default function RegistryRoutes({ route }: { route: Exclude<Route, { name: 'home' }> }) {
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
    case 'selfService':
      return <SelfServicePage key={route.token} token={route.token} />;
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
