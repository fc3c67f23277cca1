import { Paragraph } from '@utrecht/component-library-react';
import type { RecordCanFragment } from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';
import { useSession } from '../../auth/hooks/use-session';

/**
 * Why the page offers no edit or archive buttons, from the server's rule (`can.reason`): a member is told what they can
 * do instead and whom to ask; a coordinator that the record belongs to another team. Nothing when editing is allowed.
 */
export function CanNotice({ can }: { can: RecordCanFragment | null | undefined }) {
  const { t } = useI18n();
  const { user } = useSession();
  if (!can || can.edit || !user) return null;
  if (user.role === 'POLICY_OFFICER') return <Paragraph className="notice">{t('admin.can.policyOfficer')}</Paragraph>;
  if (can.reason === 'ownership.existing') return <Paragraph className="notice">{t('admin.can.otherTeam')}</Paragraph>;
  return (
    <div className="notice" role="note">
      <Paragraph>{t('admin.can.member')}</Paragraph>
      <Coordinators />
    </div>
  );
}

/** The coordinators of the user's teams (me.teamCoordinators), as mail links; or: ask an administrator. */
export function Coordinators() {
  const { t } = useI18n();
  const { user } = useSession();
  const coordinators = user?.teamCoordinators ?? [];
  if (!coordinators.length) return <Paragraph>{t('admin.register.noCoordinator')}</Paragraph>;
  return (
    <>
      <Paragraph>{t('admin.register.ask')}</Paragraph>
      <ul>
        {coordinators.map((c) => (
          <li key={`${c.teamId}-${c.email}`}>
            <a href={`mailto:${c.email}`}>{t('admin.register.askCoordinator', { email: c.email, team: c.teamName })}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
