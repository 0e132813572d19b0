import { searchKinds, type SearchGroup, type SearchResults } from '../../../shared/contract/search';
import { loadSearchDocuments } from '../db/queries/search-queries';
import type { Replica } from '../db/open-replica';
import { isSearchable, normalizeQuery, wordTrigrams } from './query-trigrams';
import { rankDocuments } from './rank-documents';
import { ReplicaTrigramIndexes } from './replica-trigram-index';
import { pickCandidates } from './trigram-candidates';

/** How many records per kind the trigram index hands to fuse.js: enough for typos, few enough to rank in a keystroke. */
export const CANDIDATES_PER_KIND = 50;

/**
 * The palette's search: the trigram index narrows each kind of record to its best few hundred
 * candidates, fuse.js ranks those. Runs in the main process, next to the replica.
 */
export class RecordSearch {
  private readonly indexes: ReplicaTrigramIndexes;

  constructor(
    private readonly db: Replica,
    private readonly candidates = CANDIDATES_PER_KIND,
  ) {
    this.indexes = new ReplicaTrigramIndexes(db);
  }

  search(query: string, limit: number): SearchResults {
    const normalized = normalizeQuery(query);
    if (!isSearchable(normalized)) return { query, groups: [] };
    const words = wordTrigrams(normalized);
    const groups: SearchGroup[] = [];
    for (const kind of searchKinds) {
      // Work orders are a hundred times more numerous than the rest: they get more candidates.
      const rowids = pickCandidates(words, this.indexes.forKind(kind), kind === 'workOrder' ? this.candidates : Math.ceil(this.candidates * 0.6));
      const hits = rankDocuments(loadSearchDocuments(this.db, kind, rowids), normalized, limit);
      if (hits.length > 0) groups.push({ kind, hits });
    }
    return { query, groups };
  }
}
