import { Badge } from '@mantine/core';
import type { BookingStatus } from '../../shared/domain/booking-status';
import { useT } from '../i18n/use-t';

/** Light badges whose text (shade 9 of each colour) reads at 4.5:1 on its background. */
const colours: Readonly<Record<BookingStatus, string>> = {
  scheduled: 'brand',
  traveling: 'grape',
  in_progress: 'teal',
  completed: 'gray',
  canceled: 'danger',
};

export function StatusBadge({ status }: { status: BookingStatus }) {
  const t = useT();
  return (
    <Badge variant="light" color={colours[status]} className="status-badge">
      {t(`status.${status}`)}
    </Badge>
  );
}
