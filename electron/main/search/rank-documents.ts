import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js';
import type { MatchRange, SearchHit } from '../../../shared/contract/search';
import type { SearchDocument } from '../db/queries/search-queries';

/**
 * fuse.js's token search: every word of the query must match (fuzzily) somewhere in the record,
 * so "hartwel furnace" finds the furnace job at Hartwell's and "frunace" still finds furnaces.
 * Shared by the palette and the benchmark's plain-fuse baseline, so both rank the same way.
 */
export const fuseOptions: IFuseOptions<SearchDocument> = {
  keys: ['title', 'subtitle'],
  useTokenSearch: true,
  tokenMatch: 'all',
  ignoreLocation: true,
  ignoreDiacritics: true,
  threshold: 0.4,
  includeMatches: true,
  includeScore: true,
  // Single letters matched here and there are noise when highlighted.
  minMatchCharLength: 2,
};

/** The best `limit` of `documents` for the query, with the stretches to highlight. */
export function rankDocuments(documents: readonly SearchDocument[], query: string, limit: number): SearchHit[] {
  if (documents.length === 0) return [];
  const fuse = new Fuse(documents, fuseOptions);
  return fuse.search(query, { limit }).map(toHit);
}

export function toHit(result: FuseResult<SearchDocument>): SearchHit {
  const ranges = (key: 'title' | 'subtitle'): MatchRange[] =>
    (result.matches ?? []).filter((m) => m.key === key).flatMap((m) => m.indices.map(([start, end]) => [start, end] as const));
  return { ...result.item, titleMatches: mergeRanges(ranges('title')), subtitleMatches: mergeRanges(ranges('subtitle')) };
}

/** Sorted, with overlapping or touching stretches joined. */
export function mergeRanges(ranges: readonly MatchRange[]): MatchRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
