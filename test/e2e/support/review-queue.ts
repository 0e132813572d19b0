import { expect, type Locator, type Page } from '@playwright/test';

/** The DOM members the page-side callbacks below use: e2e files are type-checked without DOM types. */
interface Scrolling {
  closest(selector: string): Scrolling | null;
  parentElement: Scrolling | null;
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}

/**
 * Scrolls the pane holding the review queue by `screens` of its height (negative: up), as a
 * wheel would; false when it was already at that end. The queue renders only the items in view.
 */
export async function scrollQueue(queue: Locator, screens = 1): Promise<boolean> {
  return queue.evaluate(async (node, by) => {
    const page = globalThis as unknown as { getComputedStyle(n: Scrolling): { overflowY: string }; requestAnimationFrame(callback: () => void): void };
    const style = (n: Scrolling) => page.getComputedStyle(n);
    let pane = (node as unknown as Scrolling).parentElement;
    while (pane && !['auto', 'scroll'].includes(style(pane).overflowY)) pane = pane.parentElement;
    if (!pane) throw new Error('the review queue is not in a scrolling pane');
    const before = pane.scrollTop;
    pane.scrollTop = before + by * pane.clientHeight;
    const moved = pane.scrollTop !== before;
    // The list renders the newly visible items in the frame after the scroll event.
    await new Promise<void>((done) => page.requestAnimationFrame(() => page.requestAnimationFrame(done)));
    return moved;
  }, screens);
}

/** Scrolls the queue down from where it is until `target` is rendered (a user scrolls to an item too). */
export async function scrollQueueTo(queue: Locator, target: Locator): Promise<void> {
  for (let step = 0; step < 400 && (await target.count()) === 0; step++) {
    if (!(await scrollQueue(queue))) break;
  }
  await expect(target.first()).toBeAttached();
}

/** The queue's items matching `selector` in order, each once, scrolling down as they run out (at most `limit`). */
export async function* reviewItemsInOrder(queue: Locator, selector: string, limit: number): AsyncGenerator<Locator> {
  const seen = new Set<string>();
  for (let scrolls = 0; seen.size < limit && scrolls < 400; ) {
    const ids = await queue.locator(selector).evaluateAll((nodes) => nodes.map((n) => (n as unknown as { getAttribute(name: string): string | null }).getAttribute('data-booking-id')));
    const next = ids.find((id): id is string => id !== null && !seen.has(id));
    if (next === undefined) {
      if (!(await scrollQueue(queue))) return;
      scrolls++;
      continue;
    }
    seen.add(next);
    yield queue.locator(`[data-testid=review-item][data-booking-id="${next}"]`);
  }
}

/** How many items the queue holds, as a screen reader tells it ("1 of 254"): most are not rendered. */
export async function queueSize(queue: Locator): Promise<number> {
  return Number(await queue.getByTestId('review-item').first().getAttribute('aria-setsize'));
}

/** Opens the Review tab beside the board; its items once the first is shown. */
export async function openReviewQueue(page: Page): Promise<{ tab: Locator; queue: Locator; items: Locator }> {
  const tab = page.getByRole('tab', { name: /Review/ });
  await tab.click();
  const queue = page.getByTestId('review-queue');
  const items = queue.getByTestId('review-item');
  await expect(items.first()).toBeVisible();
  return { tab, queue, items };
}
