export * from './api-result';
export * from './ipc-channels';
export * from './ipc-contract';
export * from './preferences';
