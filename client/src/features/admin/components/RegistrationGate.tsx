import { Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { useSession } from '../../auth/hooks/use-session';
import { PageHeading } from '../../registry/components/record-parts';
import { Coordinators } from './CanNotice';

/**
 * A registration form only for users who may register (me.mayRegister, the server's rule); others read why
 * before they fill anything in, and whom to ask. Not signed in: the form itself asks to sign in, as before.
 */
export function RegistrationGate({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { user } = useSession();
  if (!user || user.mayRegister) return <>{children}</>;
  return (
    <article aria-labelledby="page-heading">
      <PageHeading>{t('admin.register.heading')}</PageHeading>
      {user.role === 'POLICY_OFFICER' ? (
        <Paragraph>{t('admin.register.policyOfficer')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('admin.register.why')}</Paragraph>
          <Coordinators />
        </>
      )}
    </article>
  );
}
