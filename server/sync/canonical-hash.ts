import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so {a,b} and {b,a} hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Identifies what a mutation envelope asked for: the same id must always mean the same request. */
export function mutationHash(name: string, args: unknown): string {
  return createHash('sha256').update(canonicalJson({ name, args })).digest('hex');
}
