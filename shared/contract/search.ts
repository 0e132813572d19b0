import { z } from 'zod';

/** What the command palette finds, in the order its groups are shown. */
export const searchKinds = ['workOrder', 'account', 'contact', 'asset', 'technician'] as const;
export type SearchKind = (typeof searchKinds)[number];

/** Queries shorter than this (letters and digits, spaces aside) find no records: a trigram needs three characters. */
export const MIN_SEARCH_LENGTH = 3;

export const SearchRequestSchema = z
  .object({
    query: z.string().max(200, 'a search may hold at most 200 characters'),
    /** Results per kind of record. */
    limit: z.number().int().min(1).max(50).default(8),
  })
  .strict();

/** [start, end] character positions (inclusive) of a matched stretch, for highlighting. */
export type MatchRange = readonly [number, number];

export interface SearchHit {
  kind: SearchKind;
  id: string;
  /** "WO-00123 · Furnace repair", "Hartwell Bakery", "Anna Park"… */
  title: string;
  /** Account and address, e-mail, serial number… */
  subtitle: string;
  titleMatches: MatchRange[];
  subtitleMatches: MatchRange[];
  /** Where choosing it leads: the work order's number, or the account the record belongs to. */
  workOrderNumber?: string;
  accountId?: string;
}

export interface SearchGroup {
  kind: SearchKind;
  hits: SearchHit[];
}

export interface SearchResults {
  query: string;
  /** Empty when the query is too short to search records. */
  groups: SearchGroup[];
}
