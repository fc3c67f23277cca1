import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { useSession } from '../hooks/use-session';

/** In the header: who is signed in (e-mail, role, teams) and the sign-out button. */
export function SessionBar() {
  const { t } = useI18n();
  const { user, signOut } = useSession();
  const [busy, setBusy] = useState(false);
  if (!user) return null;

  const teams = user.teams.map((team) => team.name).join(', ');
  const leave = async () => {
    setBusy(true);
    try {
      await signOut();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="session-bar" aria-label={t('auth.sessionLabel')}>
      <p className="session-bar__user">
        <span className="session-bar__email">{t('auth.signedInAs', { email: user.email })}</span>
        <span className="session-bar__role">{`${t(`auth.role.${user.role}`)} · ${teams || t('auth.noTeam')}`}</span>
      </p>
      <Button type="button" appearance="secondary-action-button" onClick={leave} busy={busy} aria-disabled={busy ? true : undefined}>
        {t('auth.signOut')}
      </Button>
    </section>
  );
}
