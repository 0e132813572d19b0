import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useApi } from '../api/api-context';
import { applySyncStatus } from '../api/use-console-events';
import { showToast } from '../components/toast';
import { useT } from '../components/use-t';
import { useNavigation } from './navigation';

/**
 * Links handed to the running console (a second launch, the operating system): taken when the
 * window starts and whenever the main process says more are waiting, each opening its work order.
 */
export function LinkRoutes() {
  const api = useApi();
  const { openRecord } = useNavigation();
  useEffect(() => {
    const take = () =>
      void api.takeRoutes({}).then((routes) => {
        const last = routes.at(-1);
        if (last) openRecord({ kind: 'work-order', ref: { number: last.number } });
      });
    take();
    return api.onEvent((event) => event.type === 'routes-pending' && take());
  }, [api, openRecord]);
  return null;
}

/** Commands from the desktop app's menu bar and notifications. */
export function MenuCommands() {
  const api = useApi();
  const { runCommand } = useNavigation();
  useEffect(() => api.onEvent((event) => event.type === 'command' && runCommand(event.command)), [api, runCommand]);
  return null;
}

/** "Sync now" from the menu or the palette: the banner shows the outcome; a failure is said in a toast too. */
export function useSyncNowCommand(): () => void {
  const api = useApi();
  const queryClient = useQueryClient();
  const t = useT();
  return useCallback(() => {
    api
      .syncNow({})
      .then((status) => applySyncStatus(queryClient, status))
      .catch((error: unknown) => showToast(t('palette.syncFailed', { reason: error instanceof Error ? error.message : String(error) })));
  }, [api, queryClient, t]);
}
