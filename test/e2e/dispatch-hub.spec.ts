import { expect, test, type Page } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { HubClient } from '../../electron/main/sync/hub-client';
import { seededRandom } from '../../shared/random/seeded-random';
import { parseBookingExplanation } from '../../shared/mutations/booking-explanation';
import type { WorkOrder } from '../../shared/domain/entities';
import { hubBookings, hubRows } from '../integration/console-sync/support/hub-changes';
import { startFaultProxy, type FaultProxy } from '../integration/support/fault-proxy';
import { ADMIN, createAdmin, newHubDataDir, startHub, stopChild, type HubProcess } from '../integration/support/hub-process';
import { bookingOnBoard, everyHalfHour, findSlot, hoverSlot, instant, pickUp, revealRow, scrollBoardTo, type El } from './support/board-drag';
import { startBrowserHost } from './support/browser-host-process';
import { connectFromSettings } from './support/connect-from-settings';
import { openWorkingDayAhead } from './support/open-working-day-ahead';
import { reviewItemsInOrder, scrollQueue, scrollQueueTo } from './support/review-queue';

/**
 * The dispatcher's changes with a hub: made offline they wait in the outbox and land when the hub
 * is back; an override the hub refuses because a second console changed the booking first shows
 * in the sync-issues panel with the reason, the note typed, and the ways forward; an engine's
 * explanation made at the hub reaches the review queue. Two consoles (one behind a proxy that
 * can cut it off), a real hub; the browsers in Tokyo, the company in Chicago.
 */
test.use({ timezoneId: 'Asia/Tokyo' });

let hub: HubProcess;
let dataDir: string;
let proxy: FaultProxy;
let hostA: { child: ChildProcess; url: string };
let hostB: { child: ChildProcess; url: string };

test.beforeAll(async () => {
  dataDir = newHubDataDir();
  createAdmin(dataDir);
  hub = await startHub({ dataDir, demo: true });
  proxy = await startFaultProxy(() => hub.url, seededRandom(11), { delay: 0, duplicate: 0, dropResponse: 0 });
  hostA = await startBrowserHost();
  hostB = await startBrowserHost();
});
test.afterAll(async () => {
  await stopChild(hostA.child);
  await stopChild(hostB.child);
  await proxy.close();
  await hub.stop();
});
test.describe.configure({ mode: 'serial' });

async function connected(page: Page, hostUrl: string, hubUrl: string): Promise<string> {
  await page.goto(hostUrl);
  await connectFromSettings(page, hubUrl);
  await page.keyboard.press('Escape');
  return openWorkingDayAhead(page, hostUrl);
}

const hhmm = (time: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Chicago', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(time);

test('changes made offline (a drop, an override, a pin, undo, a plan) land at the hub when it is back', async ({ page }) => {
  const day = await connected(page, hostB.url, hub.url);
  await expect(page.getByTestId('sync-banner')).toHaveAttribute('data-connection', 'online');
  await hub.stop();
  await scrollBoardTo(page, instant(day, '07:30'));

  // A drop to a free slot.
  const block = page.locator('[data-testid=board-row] [data-testid=board-booking][data-status=scheduled]:not([data-needs-review]):not([data-pinned])').first();
  const moved = (await block.getAttribute('data-booking-id'))!;
  const row = (await block.evaluate((node) => (node as unknown as El).closest('[data-resource-id]')?.getAttribute('data-resource-id')))!;
  await pickUp(page, bookingOnBoard(page, moved));
  const slot = await findSlot(page, row, everyHalfHour(day, '12:00', '16:00'), 'ok');
  expect(slot).not.toBeNull();
  await page.mouse.up();
  await expect(page.getByTestId('toast').filter({ hasText: 'Saved — will sync' }).first()).toBeVisible();
  await expect(page.getByTestId('sync-banner')).toHaveAttribute('data-connection', 'offline', { timeout: 15_000 });

  // An override: before the working day, for a morning visit (in view once the board shows the early hours).
  await scrollBoardTo(page, instant(day, '05:45'));
  const second = page.locator('[data-testid=board-row] [data-testid=board-booking][data-status=scheduled]:not([data-needs-review]):not([data-pinned])[aria-label*=", 08:"]').nth(1);
  const overridden = (await second.getAttribute('data-booking-id'))!;
  const secondRow = (await second.evaluate((node) => (node as unknown as El).closest('[data-resource-id]')?.getAttribute('data-resource-id')))!;
  await pickUp(page, bookingOnBoard(page, overridden));
  await hoverSlot(page, secondRow, instant(day, '06:00'));
  await page.mouse.up();
  const dialog = page.getByRole('dialog', { name: 'Override a scheduling rule' });
  await dialog.getByLabel('Reason').selectOption({ label: 'Overtime agreed' });
  await dialog.getByLabel('Note').fill('Early start agreed while the hub was down');
  await dialog.getByRole('button', { name: 'Override and save' }).click();
  await expect(dialog).toBeHidden();

  // A pin, undone: neither reaches the hub as a pin.
  const third = page.locator('[data-testid=board-row] [data-testid=board-booking][data-status=scheduled]:not([data-pinned])').nth(5);
  const unpinned = (await third.getAttribute('data-booking-id'))!;
  await bookingOnBoard(page, unpinned).click();
  await page.getByTestId('booking-detail').getByRole('button', { name: 'Pin', exact: true }).click();
  await expect(bookingOnBoard(page, unpinned)).toHaveAttribute('data-pinned', 'true');
  await page.locator('body').press('Control+z');
  await expect(bookingOnBoard(page, unpinned)).not.toHaveAttribute('data-pinned', /.*/);
  await page.keyboard.press('Escape');

  // A plan of the day, worked out and applied on this computer.
  await page.getByTestId('plan-day-button').click();
  await page.getByTestId('plan-start').click();
  await expect(page.getByTestId('plan-summary')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('plan-cancel').click({ timeout: 2_000 }).catch(() => undefined);
  await expect(page.getByTestId('plan-run')).toHaveAttribute('data-state', 'done');
  const planned = await page.getByTestId('plan-assignments').locator('li').count();
  expect(planned).toBeGreaterThan(0);
  await page.getByTestId('plan-apply').click();
  await expect(page.getByTestId('plan-ghost')).toHaveCount(0);
  await expect(page.getByTestId('sync-pending')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('offline-changes.png') });

  hub = await startHub({ dataDir, port: hub.port });
  // Not waiting for the next retry (the back-off has grown while the hub was away): Settings → Sync now.
  await page.keyboard.press('Control+Comma');
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-pending')).toHaveCount(0, { timeout: 30_000 });
  await page.keyboard.press('Escape');
  const atHub = await hubBookings(hub.url);
  expect(atHub.get(moved)).toMatchObject({ resourceId: row, start: slot });
  expect(atHub.get(overridden)?.start).toBe(instant(day, '06:00'));
  expect(parseBookingExplanation(atHub.get(overridden)!.explanation ?? null)?.override).toMatchObject({ code: 'overtime_agreed', reason: 'Early start agreed while the hub was down', rule: 'working_hours' });
  expect(atHub.get(unpinned)?.pinned).toBe(false);
  const planBookings = [...atHub.values()].filter((b) => b.status === 'scheduled' && b.version === 1 && b.start >= instant(day, '00:00') && b.start < instant(day, '23:59') && b.id.length === 36);
  expect(planBookings.length).toBeGreaterThanOrEqual(planned);
});

test('an override the hub refuses after a second console changed the booking: the reason, the note typed, and the ways forward', async ({ browser }) => {
  const pageA = await browser.newPage();
  const pageB = await browser.newPage();
  await connected(pageA, hostA.url, proxy.url);
  await pageB.goto(hostB.url);
  await expect(pageB.getByTestId('sync-banner')).toHaveAttribute('data-connection', 'online', { timeout: 30_000 });

  // Console A finds an assignment it could give to someone else, then loses the hub.
  await pageA.getByRole('tab', { name: /Review/ }).click();
  // Scheduled ones only: a visit already on its way (today's, at this hour) cannot go to someone else.
  const queue = pageA.getByTestId('review-queue');
  await expect(queue.locator('[data-testid=review-item][data-status=scheduled]').first()).toBeVisible();
  let chosen: { bookingId: string; start: number; technician: string } | null = null;
  // The queue renders the items in view: further ones are reached by scrolling.
  for await (const item of reviewItemsInOrder(queue, '[data-testid=review-item][data-status=scheduled]', 40)) {
    await item.getByRole('button', { name: 'Override…' }).click();
    await expect(item.getByTestId('alternatives').getByText(/Ranking technicians/)).toHaveCount(0);
    const alternative = item.getByTestId('alternative').first();
    if (!(await alternative.isVisible())) {
      await item.getByRole('button', { name: 'Override…' }).click();
      continue;
    }
    chosen = { bookingId: (await item.getAttribute('data-booking-id'))!, start: Number(await item.getAttribute('data-start')), technician: (await alternative.getAttribute('data-resource-id'))! };
    proxy.cut(true);
    await alternative.getByRole('button', { name: /^Give it to/ }).click();
    break;
  }
  expect(chosen).not.toBeNull();
  const dialog = pageA.getByRole('dialog', { name: 'Choose another technician than the engine' });
  await dialog.getByLabel('Reason').selectOption({ label: 'Customer request' });
  await dialog.getByLabel('Note').fill('The customer asked for this technician by name');
  await dialog.getByRole('button', { name: 'Override and save' }).click();
  await expect(dialog).toBeHidden();
  await expect(pageA.getByTestId('sync-pending')).toBeVisible();

  // Meanwhile console B pins the same booking, and the hub has it.
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(chosen!.start);
  await pageB.getByLabel('Go to date').fill(date);
  await expect(pageB.locator(`section[data-date="${date}"][aria-busy="false"]`)).toBeVisible();
  // The board renders only the rows in view: bring the booking's technician into view first.
  await revealRow(pageB, (await hubBookings(hub.url)).get(chosen!.bookingId)!.resourceId!);
  const onB = bookingOnBoard(pageB, chosen!.bookingId);
  await onB.scrollIntoViewIfNeeded();
  await onB.click();
  await pageB.getByTestId('booking-detail').getByRole('button', { name: 'Pin', exact: true }).click();
  await expect.poll(async () => (await hubBookings(hub.url)).get(chosen!.bookingId)?.pinned, { timeout: 15_000 }).toBe(true);

  // Console A is back: the hub refuses its override, which waits in the panel with the note typed.
  proxy.cut(false);
  await expect(pageA.getByTestId('sync-attention')).toBeVisible({ timeout: 30_000 });
  await pageA.getByTestId('sync-attention').click();
  const issue = pageA.getByRole('dialog', { name: 'Changes the hub refused' }).getByTestId('sync-issue');
  await expect(issue).toHaveCount(1);
  await expect(issue).toContainText('changed by someone else');
  await expect(issue).toContainText('The customer asked for this technician by name');
  await pageA.screenshot({ path: test.info().outputPath('override-refused.png') });

  await issue.getByRole('button', { name: 'Open the booking' }).click();
  const detail = pageA.getByTestId('booking-detail');
  await expect(detail).toContainText('pinned');
  await expect(detail.getByRole('button', { name: 'Unpin' })).toBeVisible();
  await expect(pageA.locator(`section[data-date="${date}"]`)).toBeVisible();

  await pageA.keyboard.press('Control+Shift+Y');
  await pageA.getByTestId('sync-issue').getByTestId('try-again').click();
  await expect(pageA.getByTestId('sync-issues-empty')).toBeVisible({ timeout: 15_000 });
  await expect.poll(async () => (await hubBookings(hub.url)).get(chosen!.bookingId)?.resourceId, { timeout: 15_000 }).toBe(chosen!.technician);
  const atHub = (await hubBookings(hub.url)).get(chosen!.bookingId)!;
  expect(atHub).toMatchObject({ pinned: true, reviewState: 'overridden', assignmentOrigin: 'manual' });
  expect(parseBookingExplanation(atHub.explanation)?.override).toMatchObject({ code: 'customer_request', reason: 'The customer asked for this technician by name' });
  await pageA.close();
  await pageB.close();
});

test('an assignment the engine made at the hub shows every candidate, their travel and why each other one lost', async ({ page }) => {
  const day = await openWorkingDayAhead(page, hostB.url);
  const client = new HubClient({ baseUrl: hub.url });
  await client.signIn(ADMIN.email, ADMIN.password);
  // As the portal books: a new work order like one already done that day, the hub picking the technician.
  const like = await workOrderLikeOneOn(hub.url, instant(day, '00:00'));
  const workOrderId = randomUUID();
  const created = await client.push([{ id: randomUUID(), name: 'createWorkOrder', args: { workOrderId, accountId: like.accountId, incidentTypeId: like.incidentTypeId } }]);
  expect(created.results[0]?.status).toBe('applied');
  let bookingId: string | null = null;
  for (const time of ['13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '10:00', '10:30', '11:00', '11:30', '12:00', '12:30']) {
    const id = randomUUID();
    const { results } = await client.push([{ id: randomUUID(), name: 'scheduleWorkOrder', args: { workOrderId, expectedVersion: 1, bookingId: id, start: instant(day, time) } }]);
    if (results[0]?.status === 'applied') {
      bookingId = id;
      break;
    }
  }
  expect(bookingId, 'a time at which the engine finds a technician').not.toBeNull();
  await page.getByRole('tab', { name: /Review/ }).click();
  const queue = page.getByTestId('review-queue');
  const item = queue.locator(`[data-testid=review-item][data-booking-id="${bookingId}"]`);
  // It reaches the console by sync; the queue renders the items in view, so scroll down to it.
  await expect.poll(async () => {
    await scrollQueue(queue, -1e6);
    await scrollQueueTo(queue, item).catch(() => undefined);
    return item.count();
  }, { timeout: 30_000 }).toBe(1);
  await item.scrollIntoViewIfNeeded();
  await expect(item).toBeVisible();
  await item.getByRole('button', { name: 'Why?' }).click();
  const table = item.getByTestId('explanation-candidates');
  await expect(table.locator('[data-outcome=won]')).toHaveCount(1);
  await expect(table.locator('[data-outcome=excluded]').first()).toContainText(/Outside the technician's territory|Missing skill|Outside working hours|Overlaps|travel|No free time|Day already full/);
  await expect(item.getByTestId('explanation')).toContainText(/assigned: [\d.]+ km/);
  await page.screenshot({ path: test.info().outputPath('review-engine-explanation.png') });
  expect(hhmm(Date.now())).toMatch(/\d\d:\d\d/);
});

/** A work order whose visit is booked on the day of `dayStart` (its account and incident type suit somebody then). */
async function workOrderLikeOneOn(url: string, dayStart: number): Promise<WorkOrder> {
  const orders = await hubRows(url, 'workOrder');
  const booking = [...(await hubBookings(url)).values()].find((b) => b.status === 'scheduled' && b.start >= dayStart && b.start < dayStart + 86_400_000);
  const found = booking && orders.get(booking.workOrderId);
  if (!found) throw new Error('no booking on that day at the hub');
  return found;
}
