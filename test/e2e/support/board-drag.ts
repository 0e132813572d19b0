import { expect, type Locator, type Page } from '@playwright/test';
import { Temporal } from 'temporal-polyfill';

/** The DOM members the page-side callbacks below use: e2e files are type-checked without DOM types. */
export interface El {
  closest(selector: string): El | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): Iterable<El>;
  scrollLeft: number;
  scrollTop: number;
  offsetLeft: number;
  dataset: Record<string, string | undefined>;
  getBoundingClientRect(): { left: number };
  scrollIntoView(options: { block: string }): void;
}

/** The demo company's zone: board times are read in it. */
export const COMPANY_ZONE = 'America/Chicago';

export function instant(day: string, time: string, zone = COMPANY_ZONE): number {
  return Temporal.PlainDateTime.from(`${day}T${time}`).toZonedDateTime(zone).epochMilliseconds;
}

/** Two hour labels on screen: their instants, client x and canvas x (the board's time scale in pixels). */
async function hourAnchors(page: Page): Promise<{ times: [number, number]; client: [number, number]; canvas: [number, number] }> {
  return page.getByTestId('schedule-board').evaluate((node) => {
    const hours = [...(node as unknown as El).querySelectorAll('[data-testid=board-hour]')];
    const [a, b] = hours;
    if (!a || !b) throw new Error('no hour labels on the board');
    return {
      times: [Number(a.dataset.time), Number(b.dataset.time)] as [number, number],
      client: [a.getBoundingClientRect().left, b.getBoundingClientRect().left] as [number, number],
      canvas: [a.offsetLeft, b.offsetLeft] as [number, number],
    };
  });
}

const along = (at: number, times: [number, number], xs: [number, number]) => xs[0] + ((at - times[0]) * (xs[1] - xs[0])) / (times[1] - times[0]);

/** Scrolls the board so `time` is near the left of the visible timeline. */
export async function scrollBoardTo(page: Page, time: number): Promise<void> {
  const anchors = await hourAnchors(page);
  const left = along(time, anchors.times, anchors.canvas) - 60;
  await page.getByTestId('schedule-board').evaluate((node, x) => ((node as unknown as El).scrollLeft = x), left);
  await page.waitForTimeout(150);
}

/** Client x of an instant on the board's time axis (from the hour labels on screen). */
export async function timeX(page: Page, time: number): Promise<number> {
  const anchors = await hourAnchors(page);
  return along(time, anchors.times, anchors.client);
}

export async function rowY(page: Page, resourceId: string): Promise<number> {
  const box = await page.locator(`[data-testid=board-row][data-resource-id="${resourceId}"]`).boundingBox();
  if (!box) throw new Error(`row ${resourceId} is not on screen`);
  return box.y + box.height / 2;
}

/** Presses the pointer on an item and moves it a little, so @dnd-kit starts a drag. */
export async function pickUp(page: Page, item: Locator, grabAt = { x: 6, y: 8 }): Promise<{ x: number; y: number }> {
  // A hover may have scrolled the board since the item was last seen: pressing where it was would pick up whatever is there now.
  await item.scrollIntoViewIfNeeded();
  const box = await item.boundingBox();
  if (!box) throw new Error('nothing to pick up');
  const start = { x: box.x + grabAt.x, y: box.y + grabAt.y };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 12, start.y + 4, { steps: 3 });
  await expect(page.getByTestId('drag-chip')).toBeVisible();
  return start;
}

/**
 * Scrolls the board, when needed, so `time` sits in the middle of the visible timeline. While
 * dragging, @dnd-kit scrolls the board by itself when the pointer comes within a fifth of its
 * edge, and a slot hovered there slides away under the pointer (which slots are free, and so how
 * far right a search for one goes, depends on the hour the suite runs).
 */
async function bringTimeIntoMiddle(page: Page, time: number): Promise<void> {
  const board = await page.getByTestId('schedule-board').boundingBox();
  if (!board) throw new Error('the board is not on screen');
  const x = await timeX(page, time);
  if (x >= board.x + board.width * 0.35 && x <= board.x + board.width * 0.7) return;
  const by = x - (board.x + board.width * 0.55);
  await page.getByTestId('schedule-board').evaluate((node, dx) => ((node as unknown as El).scrollLeft += dx), by);
  await page.waitForTimeout(150);
}

/** Moves the held pointer so the item's left edge is at `time` on `resourceId`'s row (the grab offset kept). */
export async function hoverSlot(page: Page, resourceId: string, time: number, grabX = 6): Promise<void> {
  await bringTimeIntoMiddle(page, time);
  const x = (await timeX(page, time)) + grabX + 2;
  await page.mouse.move(x, await rowY(page, resourceId), { steps: 4 });
  await expect(page.getByTestId('drop-target')).toHaveAttribute('data-start', String(time));
  await expect(page.getByTestId('drop-target')).not.toHaveAttribute('data-verdict', 'checking');
}

/** While dragging: the first slot among `times` on the row whose verdict is `wanted`. */
export async function findSlot(page: Page, resourceId: string, times: readonly number[], wanted: string, grabX = 6): Promise<number | null> {
  for (const time of times) {
    await hoverSlot(page, resourceId, time, grabX);
    if ((await page.getByTestId('drop-target').getAttribute('data-verdict')) === wanted) return time;
  }
  return null;
}

export function everyHalfHour(day: string, from: string, to: string): number[] {
  const times: number[] = [];
  for (let t = instant(day, from); t <= instant(day, to); t += 30 * 60_000) times.push(t);
  return times;
}

export function bookingOnBoard(page: Page, bookingId: string): Locator {
  return page.locator(`[data-testid=board-booking][data-booking-id="${bookingId}"]`);
}

/** Scrolls the board vertically until a technician's row is rendered and fully in view. */
export async function revealRow(page: Page, resourceId: string): Promise<void> {
  const row = page.locator(`[data-testid=board-row][data-resource-id="${resourceId}"]`);
  const scroller = page.getByTestId('schedule-board');
  await scroller.evaluate((node) => ((node as unknown as El).scrollTop = 0));
  for (let i = 0; i < 40 && !(await row.isVisible()); i++) {
    await scroller.evaluate((node) => ((node as unknown as El).scrollTop += 200));
    await page.waitForTimeout(50);
  }
  await row.evaluate((node) => (node as unknown as El).scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(100);
}

/** Asks the console's own "Find availability" where a work order could go: the top candidate and its first free start. */
export async function firstFreeSlot(page: Page, findButton: Locator): Promise<{ resourceId: string; start: number } | null> {
  await findButton.click();
  const candidate = page.getByTestId('availability-candidate').first();
  await expect(page.getByTestId('availability-panel').getByText(/considered|assigned/)).toBeVisible();
  if (!(await candidate.isVisible())) {
    await page.getByRole('button', { name: 'Close availability' }).click();
    return null;
  }
  const resourceId = (await candidate.getAttribute('data-resource-id'))!;
  const start = Number(await candidate.getByRole('button', { name: /^(Book with|Move to)/ }).first().getAttribute('data-start'));
  await page.getByRole('button', { name: 'Close availability' }).click();
  return { resourceId, start };
}

/**
 * Space then the first arrow of a keyboard drag, until the item is over the board. @dnd-kit starts
 * listening for arrows a tick after Space picks an item up (its keyboard sensor attaches in a
 * timeout), so an arrow pressed in the same instant can go unheard; a person never presses that
 * fast, a test does. Pressed again then (which at worst moves the target one more slot).
 */
export async function firstArrowOntoBoard(page: Page, key: 'ArrowRight' | 'ArrowDown' = 'ArrowRight'): Promise<void> {
  await expect(page.getByTestId('drag-chip')).toBeVisible();
  await expect(async () => {
    await page.keyboard.press(key);
    await expect(page.getByTestId('drop-target')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
}

/** The rules' verdict on the slot a dragged item is over, once they have answered. */
export async function judgedVerdict(page: Page): Promise<string | null> {
  await expect(page.getByTestId('drop-target')).not.toHaveAttribute('data-verdict', 'checking');
  return page.getByTestId('drop-target').getAttribute('data-verdict');
}
