import { MIN_SEARCH_LENGTH } from '../../../shared/contract/search';

/** Trigrams kept from one query: a long paste must not turn into a thousand index lookups. */
const MAX_TRIGRAMS = 32;

/** Lower case, accents off, runs of spaces as one: the same folding the index applies to its text. */
export function normalizeQuery(query: string): string {
  return query
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a query is long enough to search records (the palette still offers its commands below that). */
export function isSearchable(normalized: string): boolean {
  return Array.from(normalized.replace(/ /g, '')).length >= MIN_SEARCH_LENGTH;
}

/**
 * The distinct three-character pieces of each word of the query, word by word. A typo spoils
 * the few trigrams around it and leaves the rest, so a record sharing most of them is still found.
 */
export function wordTrigrams(normalized: string): string[][] {
  const seen = new Set<string>();
  const words = normalized.split(' ').filter(Boolean);
  // "ab c" has no three-letter word: the words run together still give trigrams.
  const pieces = words.some((w) => Array.from(w).length >= 3) ? words : [words.join('')];
  const result: string[][] = [];
  for (const word of pieces) {
    const chars = Array.from(word);
    const trigrams: string[] = [];
    for (let i = 0; i + 3 <= chars.length && seen.size < MAX_TRIGRAMS; i++) {
      const trigram = chars.slice(i, i + 3).join('');
      if (!seen.has(trigram)) trigrams.push(trigram);
      seen.add(trigram);
    }
    if (trigrams.length > 0) result.push(trigrams);
  }
  return result;
}
