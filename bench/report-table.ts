/** The benchmark, measure, value table every benchmark prints at its end. */
export function printTable(rows: readonly string[][]): void {
  const header = ['benchmark', 'measure', 'value'];
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => (r[c] ?? '').length)));
  const print = (r: readonly string[]) => console.log(r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | '));
  print(header);
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  rows.forEach(print);
}

/** Median, 95th percentile and maximum of some timings. */
export function summarise(values: readonly number[]): { median: number; p95: number; max: number } {
  const sorted = [...values].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}
