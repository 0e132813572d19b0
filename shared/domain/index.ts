export * from './booking-status';
export * from './common';
export * from './entities';
export * from './working-hours';
export * from './portal-settings';
