import { useQuery } from '@tanstack/react-query';
import type { BookingOptionsResponse } from '../../../shared/contract/portal-http';
import { usePortalClient } from '../../api/portal-client-context';

/** The account's assets, the bookable services and the horizon of bookable days. */
export function useBookingOptions() {
  const client = usePortalClient();
  return useQuery({ queryKey: ['booking-options'], queryFn: () => client.call<BookingOptionsResponse>('bookingOptions') });
}
