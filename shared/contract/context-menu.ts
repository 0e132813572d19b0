import { z } from 'zod';

/** A context menu as the renderer asks for it: shown natively by the desktop app, in the page elsewhere. */
export const ContextMenuItemSchema = z
  .object({
    id: z.string().min(1).max(60),
    label: z.string().min(1).max(200),
    enabled: z.boolean().default(true),
  })
  .strict();
export type ContextMenuItem = z.input<typeof ContextMenuItemSchema>;

export const ShowContextMenuSchema = z.object({ items: z.array(ContextMenuItemSchema).min(1).max(20) }).strict();

/** `shown: false`: no native menus here (the browser host); the renderer shows its own. */
export interface ContextMenuAnswer {
  shown: boolean;
  /** The chosen item's id; null when the menu was dismissed. */
  chosen: string | null;
}

/** Commands the application menu (and the palette) can give the window. */
export const appCommands = [
  'open-palette',
  'open-settings',
  'open-sync-issues',
  'sync-now',
  'view-board',
  'view-calendar',
  'view-map',
  'view-contacts',
  'open-portal-settings',
  'go-today',
  'open-portal-requests',
] as const;
export type AppCommand = (typeof appCommands)[number];
