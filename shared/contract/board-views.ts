import { z } from 'zod';
import { BookingStatusSchema } from '../domain/booking-status';
import { IdSchema } from '../domain/common';

/** What the board shows: filters and scale. Empty lists mean "all". */
export const BoardFilterSchema = z
  .object({
    territoryIds: z.array(IdSchema).max(100).default([]),
    /** Technicians having every one of these skills. */
    characteristicIds: z.array(IdSchema).max(50).default([]),
    /** Bookings in any of these states. */
    statuses: z.array(BookingStatusSchema).max(5).default([]),
    /** Only auto-assigned bookings awaiting review. */
    needsReview: z.boolean().default(false),
  })
  .strict();
export type BoardFilter = z.infer<typeof BoardFilterSchema>;

export const BoardViewSchema = z
  .object({
    filter: BoardFilterSchema,
    /** Days on the board at once. */
    days: z.union([z.literal(1), z.literal(3), z.literal(7)]),
  })
  .strict();
export type BoardView = z.infer<typeof BoardViewSchema>;

export const emptyBoardFilter: BoardFilter = { territoryIds: [], characteristicIds: [], statuses: [], needsReview: false };

export interface SavedBoardView {
  id: string;
  name: string;
  view: BoardView;
  updatedAt: number;
}

export const SaveBoardViewSchema = z
  .object({
    /** Saving under an existing name replaces that view. */
    name: z.string().trim().min(1, 'a view needs a name').max(80, 'a name may hold at most 80 characters'),
    view: BoardViewSchema,
  })
  .strict();

/** What the board's filters offer. */
export interface BoardFilterOptions {
  territories: { id: string; name: string }[];
  characteristics: { id: string; name: string }[];
}
