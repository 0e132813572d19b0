import { Menu } from '@mantine/core';
import { useCallback, useState, type ReactNode } from 'react';
import { deepLinkFor } from '../../../shared/contract/deep-link';
import type { BoardBookingRow } from '../../../shared/contract/ipc-contract';
import { useApi } from '../../api/api-context';
import { mutationCall, useRunMutation } from '../../api/use-run-mutation';
import { useNavigation } from '../../app/navigation';
import { showToast } from '../../components/toast';
import { useT } from '../../components/use-t';
import { bookingMenuItems, type BookingMenuAction } from './booking-menu-items';

interface PageMenu {
  booking: BoardBookingRow;
  x: number;
  y: number;
}

/**
 * A booking's context menu (right click, the Menu key or Shift+F10): the desktop app shows it
 * natively; in a browser the page shows the same items itself.
 */
export function useBookingContextMenu(bookings: readonly BoardBookingRow[], onSelect: (id: string) => void): { menu: ReactNode; open: (bookingId: string, x: number, y: number) => void } {
  const api = useApi();
  const t = useT();
  const [pageMenu, setPageMenu] = useState<PageMenu | null>(null);
  const act = useBookingAction(onSelect);
  const open = useCallback(
    (bookingId: string, x: number, y: number) => {
      const booking = bookings.find((b) => b.id === bookingId);
      if (!booking) return;
      const items = bookingMenuItems(booking).map((item) => ({ id: item.id, label: t(item.label) }));
      void api.showContextMenu({ items }).then((answer) => {
        if (!answer.shown) setPageMenu({ booking, x, y });
        else if (answer.chosen) act(booking, answer.chosen as BookingMenuAction);
      });
    },
    [api, bookings, t, act],
  );
  const menu = pageMenu && (
    <Menu opened onChange={(opened) => !opened && setPageMenu(null)} position="bottom-start" withinPortal trapFocus returnFocus>
      <Menu.Target>
        <span className="board-context-anchor" style={{ left: pageMenu.x, top: pageMenu.y }} aria-hidden="true" />
      </Menu.Target>
      <Menu.Dropdown aria-label={t('bookingMenu.label', { number: pageMenu.booking.workOrderNumber })} data-testid="booking-context-menu">
        {bookingMenuItems(pageMenu.booking).map((item) => (
          <Menu.Item key={item.id} onClick={() => act(pageMenu.booking, item.id)}>{t(item.label)}</Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
  return { menu, open };
}

function useBookingAction(onSelect: (id: string) => void) {
  const api = useApi();
  const t = useT();
  const run = useRunMutation();
  const { openRecord } = useNavigation();
  return useCallback(
    (booking: BoardBookingRow, action: BookingMenuAction) => {
      if (action === 'open') onSelect(booking.id);
      else if (action === 'open-work-order') openRecord({ kind: 'work-order', ref: { number: booking.workOrderNumber } });
      else if (action === 'copy-link') {
        void navigator.clipboard.writeText(deepLinkFor({ kind: 'work-order', number: booking.workOrderNumber })).then(
          () => showToast(t('bookingMenu.linkCopied')),
          () => showToast(t('bookingMenu.copyFailed')),
        );
      } else {
        // The change carries the version the console holds now, so a booking changed meanwhile is refused.
        void api.getBookingDetail({ bookingId: booking.id }).then(({ version }) => {
          const target = { bookingId: booking.id, expectedVersion: version };
          const call = action === 'accept' ? mutationCall('acceptAutoAssignment', { bookings: [target] }) : mutationCall(action === 'pin' ? 'pinBooking' : 'unpinBooking', target);
          run.mutate(call, { onSuccess: ({ outcome }) => outcome.status === 'refused' && showToast(t('bookingMenu.refused', { reason: outcome.reason })) });
        });
      }
    },
    [api, t, run, onSelect, openRecord],
  );
}
