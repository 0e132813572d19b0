import { describe, expect, it } from 'vitest';
import { normalizeQuery, wordTrigrams } from '../../../electron/main/search/query-trigrams';
import { mergeRanges } from '../../../electron/main/search/rank-documents';
import { pickCandidates, topByScore, type TrigramIndex } from '../../../electron/main/search/trigram-candidates';

/** An index over a few texts, rowid = position + 1, built the way FTS5's trigram tokenizer reads them. */
function indexOf(texts: string[]): TrigramIndex & { reads: string[] } {
  const postings = new Map<string, number[]>();
  texts.forEach((text, i) => {
    const chars = Array.from(normalizeQuery(text));
    for (let k = 0; k + 3 <= chars.length; k++) {
      const list = postings.get(chars.slice(k, k + 3).join('')) ?? [];
      if (list[list.length - 1] !== i + 1) list.push(i + 1);
      postings.set(chars.slice(k, k + 3).join(''), list);
    }
  });
  const reads: string[] = [];
  return {
    reads,
    frequency: (t) => postings.get(t)?.length ?? 0,
    postings: (t) => {
      reads.push(t);
      return postings.get(t) ?? [];
    },
    total: () => texts.length,
    maxRowid: () => texts.length,
  };
}

describe('query trigrams', () => {
  it('folds case and accents and splits words', () => {
    expect(normalizeQuery('  José   FURNACE ')).toBe('jose furnace');
    expect(wordTrigrams('jose furnace')).toEqual([['jos', 'ose'], ['fur', 'urn', 'rna', 'nac', 'ace']]);
  });

  it('runs short words together rather than finding nothing', () => {
    expect(wordTrigrams('ab c')).toEqual([['abc']]);
  });

  it('gives each trigram once and caps a pasted essay', () => {
    expect(wordTrigrams('aaaa aaaa')).toEqual([['aaa']]);
    expect(wordTrigrams('abcdefghijklmnopqrstuvwxyz'.repeat(4)).flat().length).toBeLessThanOrEqual(32);
  });
});

describe('candidate picking', () => {
  const texts = ['WO-00001 Furnace repair Hartwell Bakery', 'WO-00002 Boiler service Hartwell Bakery', 'WO-00003 Furnace repair Maple Dental', 'WO-00004 AC tune-up Lakeside Cafe'];

  it('finds a misspelled word by the trigrams its typo left intact', () => {
    const found = pickCandidates(wordTrigrams(normalizeQuery('frunace')), indexOf(texts), 10);
    expect(found.sort()).toEqual([1, 3]);
  });

  it('ranks the record matching every word first', () => {
    const found = pickCandidates(wordTrigrams(normalizeQuery('hartwel furnace')), indexOf(texts), 10);
    expect(found[0]).toBe(1);
  });

  it('finds nothing when no trigram is held, and reads no posting list for absent trigrams', () => {
    const index = indexOf(texts);
    expect(pickCandidates(wordTrigrams('zzzqqq'), index, 10)).toEqual([]);
    expect(index.reads).toEqual([]);
  });

  it('spends its budget on the rarest trigrams first', () => {
    const many = Array.from({ length: 50 }, (_, i) => `common text ${i}`).concat(['rare xylophone text']);
    const index = indexOf(many);
    const found = pickCandidates(wordTrigrams('xylophone text'), index, 5, 3);
    expect(found).toEqual([51]);
    // "tex"/"ext" are held by all 51 records: over the budget, never read.
    expect(index.reads).not.toContain('tex');
  });
});

describe('top by score', () => {
  it('keeps the best, ties to the lower rowid, best first', () => {
    const scores: [number, number][] = [[5, 1], [2, 3], [9, 3], [1, 2], [7, 0.5]];
    expect(topByScore(scores, 3)).toEqual([2, 9, 1]);
    expect(topByScore(scores, 10)).toEqual([2, 9, 1, 5, 7]);
    expect(topByScore(scores, 0)).toEqual([]);
  });
});

describe('highlight ranges', () => {
  it('joins overlapping and touching stretches', () => {
    expect(mergeRanges([[5, 7], [0, 2], [3, 4], [10, 12], [11, 11]])).toEqual([[0, 7], [10, 12]]);
  });
});
