import type { PortalMessageKey } from './portal-catalogues';

export type MessageValues = Record<string, string | number | Date | null | undefined>;

/** A portal message as text in the language on screen (useT gives one; code outside React takes one). */
export type Translate = (id: PortalMessageKey, values?: MessageValues) => string;
