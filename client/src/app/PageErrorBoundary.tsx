import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { Component, type ReactNode } from 'react';
import { useRegistryText } from '../features/registry/registry-text';

/**
 * Pages load as chunks of their own: when one cannot be fetched (the connection drops, or a new version
 * replaced the files) or a page fails while rendering, the user gets a message and a way out instead of
 * an empty screen. React.lazy remembers a failed import, so the way out is a reload.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: unknown) {
    console.warn('Pagina kon niet worden getoond:', error);
  }

  render() {
    return this.state.failed ? <PageLoadFailed /> : this.props.children;
  }
}

function PageLoadFailed() {
  const { rt } = useRegistryText();
  return (
    <Alert type="error">
      <Heading level={2}>{rt('page.loadFailedHeading')}</Heading>
      <Paragraph>{rt('page.loadFailed')}</Paragraph>
      <ButtonGroup>
        <Button appearance="primary-action-button" onClick={() => window.location.reload()}>
          {rt('page.reload')}
        </Button>
      </ButtonGroup>
    </Alert>
  );
}
