import type { SearchKind } from '../../../shared/contract/search';
import { countRecords, maxRowid, replicaVersion, trigramFrequency, trigramPostings } from '../db/queries/search-queries';
import type { Replica } from '../db/open-replica';
import type { TrigramIndex } from './trigram-candidates';

/** Posting lists kept between keystrokes ("har", "hart", "hartw"… share most trigrams). */
const MAX_CACHED_LISTS = 256;

/**
 * The replica's trigram indexes with a small cache in front: typing one more letter adds one
 * trigram, so most lookups of a keystroke were made by the one before. Any write to the replica
 * (this connection's or another's) empties the cache.
 */
export class ReplicaTrigramIndexes {
  private version = '';
  private readonly frequencies = new Map<string, number>();
  private readonly postings = new Map<string, readonly number[]>();
  private readonly totals = new Map<SearchKind, number>();
  private readonly maxRowids = new Map<SearchKind, number>();

  constructor(private readonly db: Replica) {}

  /** The index of one kind of record, valid until the replica changes. */
  forKind(kind: SearchKind): TrigramIndex {
    this.dropIfChanged();
    const key = (trigram: string) => `${kind}\u0000${trigram}`;
    return {
      frequency: (trigram) => remember(this.frequencies, key(trigram), () => trigramFrequency(this.db, kind, trigram)),
      postings: (trigram) => {
        const found = remember(this.postings, key(trigram), () => trigramPostings(this.db, kind, trigram));
        if (this.postings.size > MAX_CACHED_LISTS) this.postings.delete(this.postings.keys().next().value!);
        return found;
      },
      total: () => remember(this.totals, kind, () => countRecords(this.db, kind)),
      maxRowid: () => remember(this.maxRowids, kind, () => maxRowid(this.db, kind)),
    };
  }

  private dropIfChanged(): void {
    const version = replicaVersion(this.db);
    if (version === this.version) return;
    this.version = version;
    this.frequencies.clear();
    this.postings.clear();
    this.totals.clear();
    this.maxRowids.clear();
  }
}

function remember<K, V>(cache: Map<K, V>, key: K, load: () => V): V {
  if (cache.has(key)) return cache.get(key)!;
  const value = load();
  cache.set(key, value);
  return value;
}
