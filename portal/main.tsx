import { DirectionProvider, MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PortalClient } from './api/portal-client';
import { PortalClientProvider } from './api/portal-client-context';
import { isPortalApiError } from './api/portal-api-error';
import { onSessionEnded } from './api/session';
import { LocaleChoiceProvider } from './app/locale-choice';
import { PortalApp } from './app/portal-app';
import { SessionIntl } from './app/session-intl';
import { portalCssVariables, portalTheme } from './app/theme';
import './app/mantine-styles';
import './app/portal.css';

const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    // A refused answer (404, 401, 409) will not change by asking again; a dropped connection may.
    queries: { staleTime: 15_000, retry: (count, error) => count < 2 && isPortalApiError(error, 'network'), refetchOnWindowFocus: true },
  },
  queryCache: new QueryCache({ onError: (error) => onSessionEnded(queryClient, error) }),
  mutationCache: new MutationCache({ onError: (error) => onSessionEnded(queryClient, error) }),
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <DirectionProvider detectDirection>
      <MantineProvider theme={portalTheme} cssVariablesResolver={portalCssVariables} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <PortalClientProvider client={new PortalClient()}>
            <LocaleChoiceProvider>
              <SessionIntl>
                <PortalApp />
              </SessionIntl>
            </LocaleChoiceProvider>
          </PortalClientProvider>
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  </StrictMode>,
);
