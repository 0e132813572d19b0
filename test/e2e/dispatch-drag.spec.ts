import { expect, test, type Locator, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPLICA_FILE_NAME } from '../../electron/main/db/open-replica';
import { stopChild } from '../integration/support/hub-process';
import { bookingOnBoard, everyHalfHour, findSlot, firstArrowOntoBoard, firstFreeSlot, hoverSlot, instant, judgedVerdict, pickUp, revealRow, scrollBoardTo, type El } from './support/board-drag';
import { startBrowserHost } from './support/browser-host-process';
import { openWorkingDayAhead } from './support/open-working-day-ahead';

/**
 * Dragging on the board, with the pointer and with the keyboard: the rules answer live for the
 * slot under the item (the hub's own check, run in the console), a rule that may be waived needs
 * an override with a reason code and a note, an overlap is never allowed, undo and redo send the
 * inverse changes, and a quick second drag never sends a second move. A console of its own (the
 * changes would disturb other tests); the browser in Tokyo, the company in Chicago.
 */
test.use({ timezoneId: 'Asia/Tokyo' });

let host: ChildProcess;
let hostUrl: string;
let replicaFile: string;
test.beforeAll(async () => {
  const started = await startBrowserHost();
  ({ child: host, url: hostUrl } = started);
  replicaFile = path.join(started.dataDir, REPLICA_FILE_NAME);
});
test.afterAll(async () => {
  await stopChild(host);
});

function replica<T>(read: (db: Database.Database) => T): T {
  const db = new Database(replicaFile, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** A scheduled booking (not awaiting review) in one of the first rows, with its technician. */
async function aScheduledBooking(page: Page, nth = 0): Promise<{ block: Locator; id: string; resourceId: string; label: string }> {
  const block = page.locator('[data-testid=board-row] [data-testid=board-booking][data-status=scheduled]:not([data-needs-review]):not([data-pinned])').nth(nth);
  await expect(block).toBeVisible();
  const id = (await block.getAttribute('data-booking-id'))!;
  const resourceId = (await block.evaluate((node) => (node as unknown as El).closest('[data-resource-id]')?.getAttribute('data-resource-id')))!;
  // By id from here on: which booking is nth changes as the board scrolls (only what is in view is rendered).
  return { block: bookingOnBoard(page, id), id, resourceId, label: (await block.getAttribute('aria-label'))! };
}

const hhmm = (time: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Chicago', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(time);

test.describe.configure({ mode: 'serial' });

test('drags a booking to a free slot, judged live; undo and redo put it back and move it again', async ({ page }) => {
  const day = await openWorkingDayAhead(page, hostUrl);
  const { block, id, resourceId, label } = await aScheduledBooking(page);
  const before = label.match(/(\d\d:\d\d)–(\d\d:\d\d)/)!;
  await scrollBoardTo(page, instant(day, '07:30'));
  await pickUp(page, block);
  const slot = await findSlot(page, resourceId, everyHalfHour(day, '12:00', '16:00'), 'ok');
  expect(slot, 'a free afternoon slot on the technician\'s own row').not.toBeNull();
  await expect(page.getByTestId('drop-label')).toContainText(`${hhmm(slot!)}`);
  await expect(page.getByTestId('drop-label')).toContainText('allowed');
  await page.screenshot({ path: test.info().outputPath('drag-allowed.png') });
  await page.mouse.up();

  const moved = bookingOnBoard(page, id);
  await expect(moved).toHaveAttribute('aria-label', new RegExp(`${hhmm(slot!)}–`));
  await expect(page.getByTestId('toast').filter({ hasText: 'Saved' }).first()).toBeVisible();
  expect(replica((db) => db.prepare('SELECT start_ms FROM bookings WHERE id = ?').pluck().get(id))).toBe(slot);

  await page.locator('body').press('Control+z');
  await expect(moved).toHaveAttribute('aria-label', new RegExp(`${before[1]}–${before[2]}`));
  await expect(page.getByTestId('redo-button')).toBeEnabled();
  await page.locator('body').press('Control+Shift+Z');
  await expect(moved).toHaveAttribute('aria-label', new RegExp(`${hhmm(slot!)}–`));
  const actions = replica((db) => db.prepare("SELECT action FROM audit_log WHERE entity_id = ? ORDER BY at, rowid").pluck().all(id));
  expect(actions).toEqual(['move', 'move', 'move']);
});

test('a drop that breaks a rule needs an override with a reason code and a note, kept on the booking', async ({ page }) => {
  const day = await openWorkingDayAhead(page, hostUrl);
  const { block, id, resourceId, label } = await aScheduledBooking(page, 1);
  await scrollBoardTo(page, instant(day, '05:45'));
  // Every demo technician starts at 07:00 or 08:00: six in the morning is outside working hours.
  const early = instant(day, '06:00');
  await pickUp(page, block);
  await hoverSlot(page, resourceId, early);
  await expect(page.getByTestId('drop-target')).toHaveAttribute('data-verdict', 'override');
  await expect(page.getByTestId('drop-label')).toContainText('needs an override: Outside working hours');
  await page.screenshot({ path: test.info().outputPath('drag-needs-override.png') });
  await page.mouse.up();

  const dialog = page.getByRole('dialog', { name: 'Override a scheduling rule' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('override-problems')).toContainText('Outside working hours');
  await page.screenshot({ path: test.info().outputPath('override-dialog.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(bookingOnBoard(page, id)).toHaveAttribute('aria-label', label);

  await pickUp(page, bookingOnBoard(page, id));
  await hoverSlot(page, resourceId, early);
  await page.mouse.up();
  await expect(dialog).toBeVisible();
  const save = dialog.getByRole('button', { name: 'Override and save' });
  await expect(save).toBeDisabled();
  await dialog.getByLabel('Reason').selectOption({ label: 'Overtime agreed' });
  await expect(save).toBeDisabled();
  await dialog.getByLabel('Note').fill('Stays late for the customer');
  await save.click();
  await expect(dialog).toBeHidden();
  await expect(bookingOnBoard(page, id)).toHaveAttribute('aria-label', /06:00–/);

  await bookingOnBoard(page, id).click();
  const override = page.getByTestId('booking-detail').getByTestId('explanation-override');
  await expect(override).toContainText('Overtime agreed');
  await expect(override).toContainText('Stays late for the customer');
  await expect(override).toContainText('Rule waived: Outside working hours');
  await page.screenshot({ path: test.info().outputPath('booking-overridden.png') });
});

test('a drop onto another visit is never allowed: refused with the reason, nothing changes', async ({ page }) => {
  const day = await openWorkingDayAhead(page, hostUrl);
  await scrollBoardTo(page, instant(day, '07:00'));
  const { block, id, label } = await aScheduledBooking(page, 2);
  const other = page.locator('[data-testid=board-row] [data-testid=board-booking][data-status=scheduled]').filter({ hasNot: page.locator(`[data-booking-id="${id}"]`) }).nth(4);
  const otherRow = (await other.evaluate((node) => (node as unknown as El).closest('[data-resource-id]')?.getAttribute('data-resource-id')))!;
  const otherStart = instant(day, (await other.getAttribute('aria-label'))!.match(/(\d\d:\d\d)–/)![1]!);
  await pickUp(page, block);
  await hoverSlot(page, otherRow, otherStart);
  await expect(page.getByTestId('drop-target')).toHaveAttribute('data-verdict', 'refused');
  await expect(page.getByTestId('drop-label')).toContainText('not possible: Overlaps another booking');
  await page.screenshot({ path: test.info().outputPath('drag-overlap.png') });
  await page.mouse.up();
  await expect(page.getByTestId('drop-refused')).toContainText('Overlaps another booking');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(bookingOnBoard(page, id)).toHaveAttribute('aria-label', label);
});

test('moves a booking with the keyboard: Space picks up, arrows move, Escape cancels, Enter drops', async ({ page }) => {
  const day = await openWorkingDayAhead(page, hostUrl);
  await scrollBoardTo(page, instant(day, '07:00'));
  const { block, id, label } = await aScheduledBooking(page, 3);
  await block.focus();
  await page.keyboard.press('Space');
  await firstArrowOntoBoard(page);
  await expect(page.getByTestId('drag-announcement')).not.toBeEmpty();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('drag-chip')).toHaveCount(0);
  await expect(bookingOnBoard(page, id)).toHaveAttribute('aria-label', label);

  await bookingOnBoard(page, id).focus();
  await page.keyboard.press('Space');
  await firstArrowOntoBoard(page);
  let verdict = await judgedVerdict(page);
  for (let step = 1; step < 24 && verdict !== 'ok'; step++) {
    await page.keyboard.press(step < 12 ? 'ArrowRight' : 'ArrowDown');
    verdict = await judgedVerdict(page);
  }
  expect(verdict).toBe('ok');
  const target = Number(await page.getByTestId('drop-target').getAttribute('data-start'));
  await expect(page.getByTestId('drag-announcement')).toContainText('allowed');
  await page.screenshot({ path: test.info().outputPath('drag-keyboard.png') });
  await page.keyboard.press('Enter');
  await expect(bookingOnBoard(page, id)).toHaveAttribute('aria-label', new RegExp(`${hhmm(target)}–`));
});

test('drags an unscheduled work order onto a technician, with the pointer and with the keyboard', async ({ page }) => {
  await openWorkingDayAhead(page, hostUrl);
  const items = page.getByTestId('unscheduled-item');
  // Where "Find availability" says a work order fits is where the live check must allow the drop.
  let found: { item: Locator; free: { resourceId: string; start: number } } | null = null;
  for (let i = 1; i < 8 && !found; i++) {
    const free = await firstFreeSlot(page, items.nth(i).getByRole('button', { name: /^Find availability/ }));
    if (free) found = { item: items.nth(i), free };
  }
  expect(found, 'an unscheduled work order somebody can take that day').not.toBeNull();
  const { item: first, free } = found!;
  const workOrderId = (await first.getAttribute('data-work-order-id'))!;
  await revealRow(page, free.resourceId);
  await scrollBoardTo(page, free.start - 2 * 3_600_000);
  await pickUp(page, first, { x: 20, y: 20 });
  await hoverSlot(page, free.resourceId, free.start, 0);
  await expect(page.getByTestId('drop-target')).toHaveAttribute('data-verdict', 'ok');
  await page.screenshot({ path: test.info().outputPath('drag-work-order.png') });
  await page.mouse.up();
  await expect(page.locator(`[data-testid=unscheduled-item][data-work-order-id="${workOrderId}"]`)).toHaveCount(0);
  expect(replica((db) => db.prepare('SELECT resource_id AS r, start_ms AS s FROM bookings WHERE work_order_id = ?').get(workOrderId))).toEqual({ r: free.resourceId, s: free.start });

  // Keyboard: Space picks the work order up in the pane, the first arrow brings it onto the board.
  const second = items.first();
  const secondId = (await second.getAttribute('data-work-order-id'))!;
  await second.focus();
  await page.keyboard.press('Space');
  await firstArrowOntoBoard(page);
  let verdict = await judgedVerdict(page);
  for (let step = 1; step < 40 && verdict !== 'ok' && verdict !== 'override'; step++) {
    await page.keyboard.press(step % 8 === 7 ? 'ArrowDown' : 'ArrowRight');
    verdict = await judgedVerdict(page);
  }
  expect(['ok', 'override']).toContain(verdict);
  await page.keyboard.press('Enter');
  if (verdict === 'override') {
    const dialog = page.getByRole('dialog', { name: 'Override a scheduling rule' });
    await dialog.getByLabel('Reason').selectOption({ label: 'Urgent work' });
    await dialog.getByLabel('Note').fill('Keyboard drop, agreed with the customer');
    await dialog.getByRole('button', { name: 'Override and save' }).click();
    await expect(dialog).toBeHidden();
  }
  await page.screenshot({ path: test.info().outputPath('drag-work-order-keyboard.png') });
  await expect(page.locator(`[data-testid=unscheduled-item][data-work-order-id="${secondId}"]`)).toHaveCount(0);
});

test('two quick drags of the same booking never send two moves', async ({ page }) => {
  const day = await openWorkingDayAhead(page, hostUrl);
  const { block, id, resourceId } = await aScheduledBooking(page, 4);
  await scrollBoardTo(page, instant(day, '07:30'));
  const start = await pickUp(page, block);
  const slot = await findSlot(page, resourceId, everyHalfHour(day, '12:00', '16:00'), 'ok');
  expect(slot).not.toBeNull();
  await page.mouse.up();
  // At once, from where the booking was: it is being saved and cannot be picked up again.
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 40, start.y + 45, { steps: 5 });
  await page.mouse.up();
  await expect(bookingOnBoard(page, id)).toHaveAttribute('aria-label', new RegExp(`${hhmm(slot!)}–`));
  await page.waitForTimeout(1000);
  expect(replica((db) => db.prepare("SELECT COUNT(*) FROM audit_log WHERE entity_id = ? AND action = 'move'").pluck().get(id))).toBe(1);
  expect(replica((db) => db.prepare('SELECT start_ms FROM bookings WHERE id = ?').pluck().get(id))).toBe(slot);
});
