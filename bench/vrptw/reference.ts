import { readFileSync } from 'node:fs';

/** One line of the data folder's reference.csv: the fleet and distance of the best published tour. */
export interface Reference {
  set: string;
  instance: string;
  vehicles: number;
  distance: number;
}

export function readReferences(path: string): Map<string, Reference> {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/).slice(1);
  const refs = new Map<string, Reference>();
  for (const line of lines) {
    const [set, instance, vehicles, distance] = line.split(',');
    if (!set || !instance) continue;
    refs.set(`${set}/${instance}`, { set, instance, vehicles: Number(vehicles), distance: Number(distance) });
  }
  return refs;
}
