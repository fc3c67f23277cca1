import { useI18n } from '../../../i18n/i18n';
import { useClientSettings } from '../hooks/use-client-settings';

/** The line under the title, naming the municipality this installation serves once the server has said which. */
export function AppSubtitle() {
  const { t } = useI18n();
  const { settings } = useClientSettings();
  const name = settings?.municipalityName;
  return <p className="app__subtitle">{name ? t('app.subtitle', { municipality: name }) : t('app.subtitleNoMunicipality')}</p>;
}
