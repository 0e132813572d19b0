import { createContext, use, type ReactNode } from 'react';
import type { PortalClient } from './portal-client';

const ClientContext = createContext<PortalClient | null>(null);

export function PortalClientProvider({ client, children }: { client: PortalClient; children: ReactNode }) {
  return <ClientContext value={client}>{children}</ClientContext>;
}

export function usePortalClient(): PortalClient {
  const client = use(ClientContext);
  if (!client) throw new Error('usePortalClient must be used inside <PortalClientProvider>');
  return client;
}
