import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultPreferences, type Preferences } from '../shared/contract/preferences';
import { createApiClient } from './api/api-client';
import { ApiProvider } from './api/api-context';
import { App } from './app/app';
import { AppProviders } from './app/app-providers';
import './app/app.css';

const queryClient = new QueryClient({
  // The replica is local: reads are cheap and change only through our own writes or sync events.
  defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const api = createApiClient();
// Before the first render, so the first paint is in the chosen language, direction and theme.
// Unreadable preferences must not keep the console from opening: the defaults will do.
const preferences: Preferences = await api.getPreferences({}).catch((error: unknown) => {
  console.error('Could not read the preferences; using the defaults', error);
  return defaultPreferences;
});
createRoot(root).render(
  <StrictMode>
    <ApiProvider api={api}>
      <QueryClientProvider client={queryClient}>
        <AppProviders preferences={preferences}>
          <App />
        </AppProviders>
      </QueryClientProvider>
    </ApiProvider>
  </StrictMode>,
);
