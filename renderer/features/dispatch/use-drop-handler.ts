import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { formatInstant } from '../../../shared/i18n/format-instant';
import { useT } from '../../components/use-t';
import { bookingChange, moveChange } from './change-recipes';
import { useDispatchActions } from './dispatch-context';
import type { DragItem, DropTarget } from './drag/drag-store';
import { ruleMessage } from './rule-labels';

/**
 * A drop on the board: allowed → saved at once; breaking a rule that may be waived → the
 * dispatcher is asked for an override (code and note) first; never allowed (an overlap) →
 * refused with the reason. A booking whose previous change is still being saved is not sent
 * again, so a quick second drag can never send two moves from the same version.
 */
export function useDropHandler(): (item: DragItem, target: DropTarget | null) => void {
  const t = useT();
  const intl = useIntl();
  const actions = useDispatchActions();
  return useCallback(
    (item: DragItem, target: DropTarget | null) => {
      if (!target) return;
      if (item.kind === 'booking' && target.resourceId === item.resourceId && target.start === item.start) return;
      if (item.kind === 'booking' && actions.locked.has(item.bookingId)) {
        notifications.show({ color: 'warning', message: t('drop.stillSaving', { reference: item.reference }) });
        return;
      }
      const verdict = target.verdict;
      if (verdict && !verdict.allowed && !verdict.overridable) {
        const rule = ruleMessage(verdict.rule);
        notifications.show({ color: 'danger', title: t('drop.refusedTitle', { reference: item.reference }), message: `${rule ? `${t(rule)}. ` : ''}${verdict.message}`, autoClose: 8000, 'data-testid': 'drop-refused' } as Parameters<typeof notifications.show>[0]);
        return;
      }
      const to = { resourceId: target.resourceId, start: target.start };
      const describe = t('drop.describe', { reference: item.reference, technician: target.resourceName, when: formatInstant(intl, target.start) });
      const bookingId = crypto.randomUUID();
      void actions.applyOrOverride(
        (override) =>
          item.kind === 'booking'
            ? moveChange({ label: t('change.move', { reference: item.reference }), bookingId: item.bookingId, version: item.version, from: { resourceId: item.resourceId, start: item.start }, to, override })
            : bookingChange({ label: t('change.book', { reference: item.reference }), origin: 'drop', visits: [{ workOrderId: item.workOrderId, workOrderVersion: item.version, bookingId, ...to }], override }),
        { describe, problems: verdict && !verdict.allowed ? [{ rule: verdict.rule, message: verdict.message }] : undefined },
      );
    },
    [t, intl, actions],
  );
}
