import { randomUUID } from 'node:crypto';
import { BoardViewSchema, type BoardFilterOptions, type BoardView, type SavedBoardView } from '../../../../shared/contract/board-views';
import type { Replica } from '../open-replica';
import { prepareCached } from '../../../../db-common/sqlite-statement-cache';

/**
 * Saved board views belong to a user on this computer (`userKey`: the hub user's id, or 'local'
 * before any hub is connected). They are kept beside the synced data and survive a re-download.
 */
export function listSavedViews(db: Replica, userKey: string): SavedBoardView[] {
  const rows = prepareCached(db, 'SELECT id, name, view_json AS viewJson, updated_at AS updatedAt FROM saved_views WHERE user_key = ? ORDER BY name COLLATE NOCASE, id').all(userKey) as {
    id: string;
    name: string;
    viewJson: string;
    updatedAt: number;
  }[];
  // A view a newer or damaged version wrote is left out rather than breaking the list.
  return rows.flatMap(({ viewJson, ...row }) => {
    const view = parseView(viewJson);
    return view ? [{ ...row, view }] : [];
  });
}

/** Saving under a name the user already has replaces that view (its id stays). */
export function saveView(db: Replica, userKey: string, name: string, view: BoardView, now: number): SavedBoardView {
  const id = (prepareCached(db, 'SELECT id FROM saved_views WHERE user_key = ? AND name = ?').pluck().get(userKey, name) as string | undefined) ?? randomUUID();
  prepareCached(
    db,
    `INSERT INTO saved_views (id, user_key, name, view_json, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET view_json = excluded.view_json, updated_at = excluded.updated_at`,
  ).run(id, userKey, name, JSON.stringify(view), now);
  return { id, name, view, updatedAt: now };
}

export function deleteView(db: Replica, userKey: string, id: string): boolean {
  return prepareCached(db, 'DELETE FROM saved_views WHERE id = ? AND user_key = ?').run(id, userKey).changes > 0;
}

function parseView(json: string): BoardView | undefined {
  try {
    const parsed = BoardViewSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function boardFilterOptions(db: Replica): BoardFilterOptions {
  return {
    territories: prepareCached(db, 'SELECT id, name FROM territories ORDER BY name, id').all() as BoardFilterOptions['territories'],
    characteristics: prepareCached(db, 'SELECT id, name FROM characteristics ORDER BY name, id').all() as BoardFilterOptions['characteristics'],
  };
}
