import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RunMutationResponse } from '../../shared/contract/ipc-contract';
import type { MutationArgs, MutationName } from '../../shared/mutations/mutation-registry';
import { showToast } from '../components/toast';
import { useT } from '../components/use-t';
import { useApi } from './api-context';
import { refreshAfterWrite } from './use-console-events';

export interface MutationCall<N extends MutationName = MutationName> {
  name: N;
  args: MutationArgs<N>;
}

/**
 * Runs one named mutation through the console API. An applied change is confirmed with a toast
 * ("Saved — will sync" when it waits in the outbox for the hub); a refusal comes back in
 * `data.outcome` for the caller to show next to the action. Either way the screen refreshes.
 */
export function useRunMutation() {
  const api = useApi();
  const queryClient = useQueryClient();
  const t = useT();
  return useMutation<RunMutationResponse, Error, MutationCall>({
    mutationFn: ({ name, args }) => api.runMutation({ name, args }),
    onSuccess: (response) => {
      if (response.outcome.status === 'applied') showToast(response.queued ? t('toast.savedWillSync') : t('toast.saved'));
    },
    onSettled: () => refreshAfterWrite(queryClient),
  });
}

/** Typed helper so call sites get their mutation's argument schema checked. */
export function mutationCall<N extends MutationName>(name: N, args: MutationArgs<N>): MutationCall {
  return { name, args } as MutationCall;
}
