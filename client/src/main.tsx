import '@utrecht/component-library-css/dist/index.css';
import '@utrecht/design-tokens/dist/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ImportPage } from './features/exchange/components/ImportPage';
import './app/app.css';
import { I18nProvider } from './i18n/i18n';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      {/* Until the router lands: /importeren is the CSV upload page, everything else the map. */}
      {window.location.pathname.replace(/\/+$/, '') === '/importeren' ? <ImportPage /> : <App />}
    </I18nProvider>
  </StrictMode>,
);
