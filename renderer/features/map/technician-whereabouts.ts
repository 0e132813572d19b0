import type { MapTechnician } from '../../../shared/contract/map-day';
import type { useT } from '../../components/use-t';

/** "At WO-00012 (in progress)", "Last visit WO-00009", "Home base", with "on the way to WO-00013" when travelling. */
export function technicianWhereabouts(technician: MapTechnician, t: ReturnType<typeof useT>): string {
  const at =
    technician.source === 'in_progress'
      ? t('map.tech.inProgress', { number: technician.workOrderNumber ?? '' })
      : technician.source === 'last_completed'
        ? t('map.tech.lastCompleted', { number: technician.workOrderNumber ?? '' })
        : t('map.tech.homeBase');
  return technician.headingTo ? `${at} · ${t('map.tech.headingTo', { number: technician.headingTo })}` : at;
}

