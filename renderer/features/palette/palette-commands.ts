import Fuse from 'fuse.js';
import { Temporal } from 'temporal-polyfill';
import type { AppCommand } from '../../../shared/contract/context-menu';
import { parseDeepLink } from '../../../shared/contract/deep-link';
import type { MessageKey } from '../../../shared/i18n/catalogues';

/** A command the palette offers: an app command, a day to go to, or a work order named by number. */
export type PaletteCommand =
  | { kind: 'command'; command: AppCommand; label: MessageKey }
  | { kind: 'date'; date: string }
  | { kind: 'work-order'; number: string };

const commandLabels: readonly { command: AppCommand; label: MessageKey }[] = [
  { command: 'view-board', label: 'palette.command.board' },
  { command: 'view-calendar', label: 'palette.command.calendar' },
  { command: 'view-map', label: 'palette.command.map' },
  { command: 'view-contacts', label: 'palette.command.contacts' },
  { command: 'open-portal-settings', label: 'palette.command.portalSettings' },
  { command: 'go-today', label: 'palette.command.today' },
  { command: 'sync-now', label: 'palette.command.syncNow' },
  { command: 'open-settings', label: 'palette.command.settings' },
  { command: 'open-sync-issues', label: 'palette.command.syncIssues' },
];

/**
 * The commands matching what was typed, in the reader's language: all of them for an empty
 * query; "2026-12-01" offers that day; "WO-00123" (or a dispatch-desk:// link) that work order.
 */
export function matchCommands(query: string, translate: (key: MessageKey) => string): PaletteCommand[] {
  const text = query.trim();
  const found: PaletteCommand[] = [];
  const date = plainDate(text);
  if (date) found.push({ kind: 'date', date });
  const link = parseDeepLink(text.toLowerCase().startsWith('dispatch-desk:') ? text : `dispatch-desk://work-order/${text}`);
  if (link.ok && /^wo-?\d{5,}$|^dispatch-desk:/i.test(text.replace(/\s/g, ''))) found.push({ kind: 'work-order', number: link.route.number });
  const commands = commandLabels.map((c) => ({ kind: 'command' as const, ...c, text: translate(c.label) }));
  const matching = text === '' ? commands : new Fuse(commands, { keys: ['text'], threshold: 0.35, ignoreLocation: true }).search(text).map((r) => r.item);
  return [...found, ...matching.map(({ text: _text, ...command }) => command)];
}

function plainDate(text: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' }).toString();
  } catch {
    return undefined;
  }
}
