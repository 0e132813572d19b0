/**
 * Work order numbers: 'WO-' and a counter, zero-padded to five digits. The hub hands them out
 * (a sequence in PostgreSQL, a counter row under the SQLite writer); a console numbers work
 * orders it creates offline provisionally with the same format, and the hub's replaces it.
 */
export function formatWorkOrderNumber(counter: number): string {
  return `WO-${String(counter).padStart(5, '0')}`;
}

/** The counter inside a number ('WO-00042' → 42), or 0 for anything else. */
export function workOrderNumberValue(number: string): number {
  const match = /^WO-(\d+)$/.exec(number);
  return match ? Number(match[1]) : 0;
}
