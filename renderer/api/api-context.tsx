import { createContext, useContext, type ReactNode } from 'react';
import type { DispatchApi } from '../../shared/contract/ipc-contract';

const ApiContext = createContext<DispatchApi | null>(null);

export function ApiProvider({ api, children }: { api: DispatchApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): DispatchApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiProvider>');
  return api;
}
