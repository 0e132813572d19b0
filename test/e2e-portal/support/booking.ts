import { expect, type Page } from '@playwright/test';

export interface Booked {
  bookingId: string;
  /** The confirmation's sentence, e.g. "Leak repair on Dec 1, 2026, 8:00 – 9:00 AM CST. A confirmation …". */
  confirmation: string;
  workOrderNumber: string;
  /** The booked day as the day picker names it, e.g. "Tuesday, December 1, 2026". */
  day: string;
}

/**
 * Books from the home page as a customer would: equipment, service, the `dayIndex`-th offered
 * day that has free times (from the first day), the `timeIndex`-th free time, comments, Book.
 */
export async function bookVisit(page: Page, options: { service: string; dayIndex?: number; timeIndex?: number; comments?: string }): Promise<Booked> {
  await page.getByRole('link', { name: 'Book a visit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Book a new appointment' })).toBeVisible();
  await page.getByLabel('Equipment').selectOption({ index: 1 });
  const services = await page.getByLabel('Service').locator('option').allInnerTexts();
  const index = services.findIndex((text) => text.startsWith(`${options.service} (`));
  if (index < 0) throw new Error(`No service "${options.service}" offered: ${services.join(', ')}`);
  await page.getByLabel('Service').selectOption({ index });
  await chooseDayWithTimes(page, options.dayIndex ?? 0);
  const day = (await page.locator('.day-list button[aria-pressed=true]').getAttribute('aria-label')) ?? '';
  await page.locator('.time-chip label').nth(options.timeIndex ?? 0).click();
  if (options.comments) await page.getByLabel('Comments for the technician').fill(options.comments);
  await page.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your visit is booked' })).toBeVisible();
  const status = page.locator('.book-confirmation');
  const confirmation = (await status.locator('p').first().innerText()).trim();
  const workOrderNumber = /WO-\d+/.exec(await status.innerText())?.[0] ?? '';
  const href = (await status.getByRole('link', { name: 'View the appointment' }).getAttribute('href')) ?? '';
  return { bookingId: decodeURIComponent(/appointments\/([^/?]+)/.exec(href)?.[1] ?? ''), confirmation, workOrderNumber, day };
}

/** Clicks offered days from the first on until the `skip`+1-th one with free times shows them. */
export async function chooseDayWithTimes(page: Page, skip: number): Promise<void> {
  let withTimes = 0;
  for (let tries = 0; tries < 21; tries += 1) {
    const days = page.locator('.day-list button');
    const count = await days.count();
    if (tries > 0 && tries % count === 0) await page.getByRole('button', { name: 'Later days' }).click();
    await days.nth(tries % count).click();
    await expect(page.getByRole('radiogroup', { name: 'Free times' }).or(page.getByText('No free times on this day.'))).toBeVisible();
    if ((await page.getByRole('radio').count()) > 0 && withTimes++ === skip) return;
  }
  throw new Error('No day with free times in three weeks');
}
