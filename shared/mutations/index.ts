export * from './mutation-context';
export * from './mutation-registry';
export { worldAround, toSchedulingJob, toSchedulingResource } from './scheduling-world';
