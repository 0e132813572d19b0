/** What candidate picking needs of an index: how common a trigram is, who holds it, how many records there are. */
export interface TrigramIndex {
  frequency(trigram: string): number;
  postings(trigram: string): readonly number[];
  total(): number;
  /** The highest rowid in the index's table: scores are kept in an array that size. */
  maxRowid(): number;
}

/**
 * At most this many postings are read per query and kind (on top of each word's rarest trigram):
 * common trigrams ("ser", "ing") say little and cost the most.
 */
export const POSTINGS_BUDGET = 20_000;

/**
 * Share of the query's trigram weight a candidate must hold: half for long queries (where fuse.js
 * costs the most), a quarter for short ones, where one typo spoils a large part of few trigrams.
 */
export function minShare(trigrams: number): number {
  return trigrams >= 8 ? 0.5 : 0.25;
}

/**
 * The `limit` records sharing the most, and the rarest, trigrams with the query, best first: each
 * trigram a record holds adds its inverse document frequency. Every word contributes at least its
 * rarest trigram, so "cornerstone furnace" is not decided by "cornerstone" alone; then trigrams are
 * taken from the rarest up while the budget lasts. Trigrams nobody holds (typos) are skipped.
 */
export function pickCandidates(words: readonly (readonly string[])[], index: TrigramIndex, limit: number, budget = POSTINGS_BUDGET): number[] {
  const frequency = new Map<string, number>();
  for (const trigram of words.flat()) if (!frequency.has(trigram)) frequency.set(trigram, index.frequency(trigram));
  const held = (trigram: string) => (frequency.get(trigram) ?? 0) > 0;
  const byRarity = (a: string, b: string) => frequency.get(a)! - frequency.get(b)!;
  const chosen = new Set<string>();
  let spent = 0;
  for (const word of words) {
    const rarest = word.filter(held).sort(byRarity)[0];
    // A word whose every trigram is everywhere ("service") narrows nothing: fuse.js checks it.
    // Forced trigrams may spend at most twice the budget, however many words the query has.
    if (rarest === undefined || chosen.has(rarest) || frequency.get(rarest)! > budget || spent + frequency.get(rarest)! > 2 * budget) continue;
    chosen.add(rarest);
    spent += frequency.get(rarest)!;
  }
  for (const trigram of [...frequency.keys()].filter(held).sort(byRarity)) {
    if (chosen.has(trigram)) continue;
    const cost = frequency.get(trigram)!;
    if (spent + cost > budget) break;
    chosen.add(trigram);
    spent += cost;
  }
  const total = index.total();
  const weights = [...chosen].map((trigram) => Math.log(1 + total / frequency.get(trigram)!));
  // Records holding too little of what the query's chosen trigrams weigh cannot match every word
  // of it, which is what fuse.js asks next: left out, they cost it nothing.
  const floor = minShare(weights.length) * weights.reduce((sum, w) => sum + w, 0);
  // A typed array indexed by rowid: tens of thousands of additions per keystroke, no hashing.
  const scores = new Float64Array(index.maxRowid() + 1);
  const touched: number[] = [];
  [...chosen].forEach((trigram, i) => {
    const weight = weights[i]!;
    for (const rowid of index.postings(trigram)) {
      if (scores[rowid] === 0) touched.push(rowid);
      scores[rowid]! += weight;
    }
  });
  const kept = touched.filter((rowid) => scores[rowid]! >= floor);
  return topByScore(kept.map((rowid) => [rowid, scores[rowid]!] as [number, number]), limit);
}

/** The `limit` best-scored rowids (ties: lower rowid first), without sorting them all: a bounded min-heap. */
export function topByScore(scores: Iterable<[number, number]>, limit: number): number[] {
  const heap: [number, number][] = [];
  // "a is worse than b": lower score, or the same score and a higher rowid.
  const worse = (a: [number, number], b: [number, number]) => a[1] < b[1] || (a[1] === b[1] && a[0] > b[0]);
  for (const entry of scores) {
    if (heap.length < limit) {
      heap.push(entry);
      siftUp(heap, heap.length - 1, worse);
    } else if (limit > 0 && worse(heap[0]!, entry)) {
      heap[0] = entry;
      siftDown(heap, 0, worse);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0)).map(([rowid]) => rowid);
}

type Worse = (a: [number, number], b: [number, number]) => boolean;

function siftUp(heap: [number, number][], i: number, worse: Worse): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!worse(heap[i]!, heap[parent]!)) return;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function siftDown(heap: [number, number][], i: number, worse: Worse): void {
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let worst = i;
    if (left < heap.length && worse(heap[left]!, heap[worst]!)) worst = left;
    if (right < heap.length && worse(heap[right]!, heap[worst]!)) worst = right;
    if (worst === i) return;
    [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
    i = worst;
  }
}
