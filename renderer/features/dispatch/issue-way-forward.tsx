import { Alert, Button } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyncIssue } from '../../../shared/contract/ipc-contract';
import { useApi } from '../../api/api-context';
import { refreshAfterWrite } from '../../api/use-console-events';
import { showToast } from '../../components/toast';
import { useT } from '../../components/use-t';
import { requestOpenBooking } from './side-panels';

/** The booking a refused change was about (its own, or the first it moved or took back). */
export function issueBookingId(args: unknown): string | null {
  if (!args || typeof args !== 'object') return null;
  const a = args as Record<string, unknown>;
  if (typeof a.bookingId === 'string') return a.bookingId;
  for (const list of [a.move, a.unbook, a.bookings]) {
    const first = Array.isArray(list) ? (list[0] as { bookingId?: unknown } | undefined) : undefined;
    if (typeof first?.bookingId === 'string') return first.bookingId;
  }
  return null;
}

/**
 * The ways forward from a change the hub refused (someone else changed the booking, the slot
 * went): open the booking to see it as it is now, or try the same change again over today's
 * rows (what was typed, an override's note included, is sent again). Trying again is refused
 * at once, with the reason, if it still cannot apply; the issue stays until it does.
 */
export function IssueWayForward({ issue, onOpened }: { issue: SyncIssue; onOpened: () => void }) {
  const api = useApi();
  const t = useT();
  const queryClient = useQueryClient();
  const bookingId = issueBookingId(issue.args);
  const again = useMutation({
    mutationFn: () => api.resubmitSyncIssue({ mutationId: issue.mutationId }),
    onSuccess: (result) => {
      if (result.response.outcome.status === 'applied') showToast(result.response.queued ? t('toast.savedWillSync') : t('toast.saved'));
    },
    onSettled: () => refreshAfterWrite(queryClient),
  });
  const stillRefused = again.data?.response.outcome.status === 'refused' ? again.data.response.outcome.reason : null;
  return (
    <>
      {stillRefused && (
        <Alert color="danger" role="alert" mt="xs" data-testid="try-again-refused">
          {t('syncIssues.stillRefused', { reason: stillRefused })}
        </Alert>
      )}
      {bookingId && (
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => {
            requestOpenBooking(bookingId);
            onOpened();
          }}
        >
          {t('syncIssues.openBooking')}
        </Button>
      )}
      {issue.state === 'refused' && (
        <Button size="compact-sm" onClick={() => again.mutate()} disabled={again.isPending} data-testid="try-again">
          {again.isPending ? t('syncIssues.retrying') : t('syncIssues.tryAgainLatest')}
        </Button>
      )}
    </>
  );
}
