import type { BookingDetail, PortalRequestSummary } from '../../shared/contract/ipc-contract';
import { expectAxeClean } from '../e2e/support/axe';
import { bookVisit, chooseDayWithTimes } from './support/booking';
import { consoleSyncedWith } from './support/console-replica';
import { expect, inviteAndRedeem, test } from './support/portal-test';

/** Times on screen are the account's (Chicago): CST or CDT, never the browser's Tokyo time. */
const chicagoTime = /\d{1,2}:\d{2}\s?[AP]M C[SD]T/;

test('a customer books a visit: times in the account zone, confirmation on screen and by e-mail, on the home page, and in a console replica for review', async ({ page, portalHub }) => {
  const [, , fresh] = await portalHub.backOffice.freshCustomers(3);
  const customer = await inviteAndRedeem(page, portalHub, fresh!);
  const since = Date.now();
  const booked = await bookVisit(page, { service: 'Leak repair', dayIndex: 2, comments: 'Side door, ring twice' });
  expect(booked.confirmation).toMatch(new RegExp(`^Leak repair on .*${chicagoTime.source}`));
  expect(booked.workOrderNumber).toMatch(/^WO-\d+$/);

  // Booking another asks the hub for the day's times again: the list shown before is out of date now.
  await page.getByRole('button', { name: 'Book another visit' }).click();
  await page.getByLabel('Equipment').selectOption({ index: 1 });
  const asked = page.waitForRequest((request) => request.url().includes('/api/v1/portal/free-times?'));
  const services = await page.getByLabel('Service').locator('option').allInnerTexts();
  await page.getByLabel('Service').selectOption({ index: services.findIndex((text) => text.startsWith('Leak repair (')) });
  await chooseDayWithTimes(page, 2);
  await asked;

  const mail = await portalHub.smtp.waitFor(customer.contact.email, (m) => m.text.includes(booked.workOrderNumber), { since });
  expect(mail.text).toMatch(/C[SD]T|America\/Chicago/);

  await page.getByRole('link', { name: 'My appointments', exact: true }).click();
  // The demo account has visits of its own already; ours is among the upcoming ones.
  const card = page.getByRole('region', { name: 'Upcoming' }).getByRole('article').filter({ hasText: booked.workOrderNumber });
  await expect(card).toContainText('Leak repair');
  await expect(card).toContainText('Scheduled');
  await expect(card).toContainText(chicagoTime);
  await expectAxeClean(page);

  // Back office sees it after sync: auto-assigned, awaiting review, with the customer's comments on the request.
  const console = await consoleSyncedWith(portalHub.url);
  try {
    const detail = await console.call<BookingDetail>('getBookingDetail', { bookingId: booked.bookingId });
    expect(detail.reviewState).toBe('needs_review');
    expect(detail.assignmentOrigin).toBe('auto');
    expect(detail.customerComments).toBe('Side door, ring twice');
    const requests = await console.call<PortalRequestSummary[]>('listPortalRequests', { state: 'open' });
    expect(requests.find((r) => r.kind === 'new_booking' && r.workOrderId === detail.workOrderId)?.message).toContain('Side door, ring twice');
  } finally {
    console.close();
  }
});

test('a customer moves a scheduled visit to another day, then cancels it with the note it requires', async ({ page, portalHub }) => {
  const [, , , fresh] = await portalHub.backOffice.freshCustomers(4);
  await inviteAndRedeem(page, portalHub, fresh!);
  const booked = await bookVisit(page, { service: 'Leak repair', dayIndex: 2 });
  await page.getByRole('link', { name: 'View the appointment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Work order ${booked.workOrderNumber}` })).toBeVisible();
  const when = page.locator('.facts .appointment-when');
  const before = await when.innerText();

  await page.getByRole('button', { name: 'Move to another time' }).click();
  const move = page.getByRole('region', { name: 'Move to another time' });
  await expect(move.getByRole('button', { name: 'Move to this time' })).toBeDisabled();
  // The picker opens on the visit's own day, not on the first bookable one.
  await expect(move.locator('.day-list button[aria-pressed=true]')).toHaveAttribute('aria-label', booked.day);
  await chooseDayWithTimes(page, 3);
  await move.locator('.time-chip label').first().click();
  await expectAxeClean(page);
  await move.getByRole('button', { name: 'Move to this time' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Moved to / })).toContainText(chicagoTime);
  await expect(when).not.toHaveText(before);

  await page.getByRole('button', { name: 'Cancel the visit' }).click();
  const cancel = page.getByRole('region', { name: 'Cancel the visit' });
  await cancel.getByRole('button', { name: 'Cancel the visit' }).click();
  await expect(cancel.getByLabel('Why are you canceling?')).toHaveAccessibleDescription('Please fill this in.');
  await cancel.getByLabel('Why are you canceling?').fill('We fixed the leak ourselves');
  await cancel.getByRole('button', { name: 'Cancel the visit' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The visit was canceled.' })).toBeVisible();
  await expect(page.locator('.facts')).toContainText('We fixed the leak ourselves');
  await expect(page.getByText('This visit is canceled and kept as history; it cannot be changed.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Move to another time' })).toHaveCount(0);

  await page.getByRole('link', { name: 'My appointments', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Past' }).getByRole('article').filter({ hasText: booked.workOrderNumber })).toContainText('Canceled');
  await expect(page.getByRole('region', { name: 'Upcoming' }).getByText(booked.workOrderNumber)).toHaveCount(0);
});
