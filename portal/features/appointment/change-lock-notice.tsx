import { Alert } from '@mantine/core';
import type { AppointmentDetail } from '../../../shared/contract/portal-http';
import { useFormatTimes } from '../../i18n/format-visit';
import { useT } from '../../i18n/use-t';

/** Why this visit cannot be moved or canceled here, in the words that are true for it. */
export function ChangeLockNotice({ appointment }: { appointment: AppointmentDetail }) {
  const t = useT();
  const { instant } = useFormatTimes();
  const status = t(`status.${appointment.status}`).toLocaleLowerCase();
  let text: string;
  if (appointment.changeLock === 'inside_change_notice') {
    const notice = appointment.changeNotice;
    text = notice ? t('appointment.insideNotice', { hours: notice.hours, from: instant(notice.from) }) : t('error.inside_change_notice');
  } else if (appointment.changeLock === 'locked') {
    text = appointment.status === 'traveling' ? t('appointment.lockedTraveling') : t('appointment.lockedInProgress');
  } else {
    text = t('appointment.history', { status });
  }
  return (
    <Alert color="gray" role="note" className="change-lock">
      {text}
    </Alert>
  );
}
