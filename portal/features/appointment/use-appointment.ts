import { useQuery } from '@tanstack/react-query';
import type { AppointmentDetail } from '../../../shared/contract/portal-http';
import { usePortalClient } from '../../api/portal-client-context';

export const appointmentQueryKey = (bookingId: string) => ['appointment', bookingId] as const;

export function useAppointment(bookingId: string) {
  const client = usePortalClient();
  return useQuery({
    queryKey: appointmentQueryKey(bookingId),
    queryFn: () => client.call<AppointmentDetail>('appointment', { params: { bookingId } }),
  });
}
