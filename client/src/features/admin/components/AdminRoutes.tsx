import { Paragraph } from '@utrecht/component-library-react';
import { paths, type Route } from '../../../app/router';
import { useI18n } from '../../../i18n/i18n';
import { useSession } from '../../auth/hooks/use-session';
import { SignInNeeded } from '../../registry/components/record-parts';
import '../admin.css';
import { AuditLogPage } from './AuditLogPage';
import { PersonPrivacyPage } from './PersonPrivacyPage';
import { UsersPage } from './UsersPage';

type AdminRoute = Extract<Route, { name: 'adminUsers' | 'adminAudit' | 'adminPerson' }>;

/** The administrator's screens; the server refuses everyone else anyway (requireAdministrator). */
export function AdminRoutes({ route }: { route: AdminRoute }) {
  const { t } = useI18n();
  const { user } = useSession();
  if (!user) return <SignInNeeded />;
  if (user.role !== 'ADMINISTRATOR') return <Paragraph role="alert">{t('admin.forbidden')}</Paragraph>;
  return (
    <>
      <nav aria-label={t('admin.subnav')} className="admin-nav">
        <ul>
          <li>
            <a href={paths.adminUsers()} aria-current={route.name === 'adminUsers' ? 'page' : undefined}>
              {t('admin.users')}
            </a>
          </li>
          <li>
            <a href={paths.adminAudit()} aria-current={route.name === 'adminAudit' ? 'page' : undefined}>
              {t('admin.audit')}
            </a>
          </li>
          <li>
            <a href={paths.managedLists()}>{t('managedLists.title')}</a>
          </li>
        </ul>
      </nav>
      {route.name === 'adminUsers' ? <UsersPage /> : null}
      {route.name === 'adminAudit' ? <AuditLogPage key={JSON.stringify(route)} route={route} /> : null}
      {route.name === 'adminPerson' ? <PersonPrivacyPage key={route.id} id={route.id} /> : null}
    </>
  );
}
