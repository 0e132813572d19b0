export * from './booking-status';
export * from './common';
export * from './entities';
export * from './override-reasons';
export * from './new-booking';
export * from './working-hours';
export * from './portal-settings';
