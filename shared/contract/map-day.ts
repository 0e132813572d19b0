import type { BookingStatus } from '../domain/booking-status';

export interface MapVisit {
  bookingId: string;
  workOrderNumber: string;
  title: string;
  accountName: string;
  address: string;
  lat: number;
  lng: number;
  start: number;
  end: number;
  status: BookingStatus;
  resourceId: string;
  resourceName: string;
}

/**
 * Where a technician was last known to be, and how the console knows it: there is no live
 * tracking in the replica, so it is the site of their visit in progress, else of their last
 * visit finished that day, else their home base. One on the way is shown where they left from,
 * with where they are heading.
 */
export interface MapTechnician {
  id: string;
  name: string;
  lat: number;
  lng: number;
  source: 'in_progress' | 'last_completed' | 'home_base';
  /** The visit the position comes from, if any. */
  workOrderNumber: string | null;
  /** The visit a technician on the way is heading to. */
  headingTo: string | null;
}

export interface MapDay {
  visits: MapVisit[];
  technicians: MapTechnician[];
}
