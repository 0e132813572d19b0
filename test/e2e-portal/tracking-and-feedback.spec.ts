import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Booking, PortalRequest } from '../../shared/domain/entities';
import { expectAxeClean } from '../e2e/support/axe';
import { bookVisit } from './support/booking';
import { expect, inviteAndRedeem, test } from './support/portal-test';
import { TechnicianApp } from './support/technician';

const chicagoTime = /\d{1,2}:\d{2}\s?[AP]M C[SD]T/;

test('the technician on the way: active appointment with its live map, locked changes, position and arrival that refresh by themselves, tracking ends at In Progress, then feedback', async ({ page, portalHub }) => {
  test.setTimeout(120_000);
  const [, , , , fresh] = await portalHub.backOffice.freshCustomers(5);
  const customer = await inviteAndRedeem(page, portalHub, fresh!);
  const booked = await bookVisit(page, { service: 'Leak repair' });
  const booking = (await portalHub.backOffice.rows<Booking>('booking')).find((b) => b.id === booked.bookingId);
  const technician = TechnicianApp.issue(portalHub, booking!.resourceId);
  const { lat: latitude, lng: longitude } = customer.account;

  await technician.setPhoto(readFileSync(path.join(import.meta.dirname, '../fixtures/technician-photo.jpg')), 'image/jpeg');
  await technician.setStatus(booked.bookingId, 'traveling');
  await technician.ping(latitude + 0.05, longitude - 0.04);
  await page.getByRole('link', { name: 'My appointments', exact: true }).click();
  // Ours is the one on the way (a demo visit of the account may be too: then ours is under Upcoming, still with its map).
  const active = page.getByRole('article').filter({ hasText: booked.workOrderNumber });
  await expect(active).toContainText('On the way');
  await expect(active.getByRole('link', { name: 'View live map' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Active appointment' }).getByRole('article')).toHaveCount(1);
  await expectAxeClean(page);

  // Locked while on the way, and the page says why.
  await active.getByRole('link', { name: 'Details' }).click();
  await expect(page.getByText('Your technician is on the way, so this visit can no longer be moved or canceled here.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Move to another time' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cancel the visit' })).toHaveCount(0);

  await page.getByRole('link', { name: 'View live map' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Live tracking' })).toBeVisible();
  await expect(page.getByText(/^Estimated arrival: /)).toContainText(chicagoTime);
  // Name, photo (loaded, not a broken image) and phone.
  const photo = page.getByRole('img', { name: /^Photo of / });
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(160);
  const position = page.getByText(/^Last reported position: /);
  await expect(position).toContainText(`${(latitude + 0.05).toFixed(5)}, ${(longitude - 0.04).toFixed(5)}`);
  await expect(position).toContainText(chicagoTime);
  // The map (Leaflet, loaded only now) draws the site and the technician even though no tile arrives.
  const map = page.getByRole('img', { name: "Map of the technician's last position" });
  await expect(map).toBeVisible();
  await expect(map.locator('path.leaflet-interactive')).toHaveCount(2);
  await expectAxeClean(page);
  await page.screenshot({ path: test.info().outputPath('portal-tracking.png'), fullPage: true });

  // A new ping shows up without reloading; then the visit starts and tracking ends.
  await new Promise((resolve) => setTimeout(resolve, 5_100)); // the technician API accepts one ping per 5 s
  await technician.ping(latitude + 0.01, longitude - 0.01);
  await expect(position).toContainText(`${(latitude + 0.01).toFixed(5)}, ${(longitude - 0.01).toFixed(5)}`, { timeout: 45_000 });
  await technician.setStatus(booked.bookingId, 'in_progress');
  await expect(page.getByText('Your technician has arrived and the visit is in progress. Tracking has ended.')).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText(/^Last reported position: /)).toHaveCount(0);

  // Completed: feedback from the Past section; a low rating reaches back office.
  await technician.setStatus(booked.bookingId, 'completed');
  await page.getByRole('link', { name: 'My appointments', exact: true }).click();
  const visit = page.getByRole('region', { name: 'Past' }).getByRole('article').filter({ hasText: booked.workOrderNumber });
  await visit.getByRole('link', { name: 'Send feedback' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'How was your visit?' })).toBeVisible();
  await page.getByRole('button', { name: 'Send feedback' }).click();
  await expect(page.getByText('Please choose a rating.')).toBeVisible();
  const twoStars = page.getByRole('radio', { name: '2 stars' });
  await page.locator(`label[for="${await twoStars.getAttribute('id')}"]`).click();
  await expect(twoStars).toBeChecked();
  await page.getByLabel('Comment').fill('Arrived late and left a mess');
  await expectAxeClean(page);
  await page.getByRole('button', { name: 'Send feedback' }).click();
  await expect(page.getByText('Thank you for your feedback.')).toBeVisible();
  await page.getByRole('link', { name: 'Back to my appointments' }).click();
  await expect(visit).toContainText('Feedback sent: 2 of 5');
  await expect(visit.getByRole('link', { name: 'Send feedback' })).toHaveCount(0);
  const requests = await portalHub.backOffice.rows<PortalRequest>('portalRequest');
  expect(requests.find((r) => r.kind === 'low_feedback' && r.workOrderId === booking!.workOrderId)?.message).toContain('Arrived late and left a mess');
});

test('inside a service\'s change notice the visit cannot be moved or canceled; the page says since when and takes a callback request', async ({ page, portalHub }) => {
  // A demo visit of the customer's account that starts within its service's change notice.
  const inside = await portalHub.backOffice.freshCustomerWithVisitInsideNotice();
  await inviteAndRedeem(page, portalHub, inside);
  await page.goto(`${portalHub.portalUrl}#/appointments/${encodeURIComponent(inside.booking.id)}`);
  await expect(page.getByRole('heading', { level: 1, name: `Work order ${inside.workOrder.number}` })).toBeVisible();
  const notice = page.getByText(new RegExp(`^This service cannot be moved or canceled here within ${inside.noticeHours} hours? of the visit \\(since `));
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(chicagoTime);
  await expect(page.getByRole('button', { name: 'Move to another time' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cancel the visit' })).toHaveCount(0);

  const callback = page.getByRole('region', { name: 'Ask us to call you back' });
  await callback.getByRole('button', { name: 'Send the request' }).click();
  await expect(callback.getByLabel('Message for us')).toHaveAccessibleDescription('Please fill this in.');
  await callback.getByRole('radio', { name: 'Cancel the visit' }).check();
  await callback.getByLabel('Message for us').fill('Please call me after 5 pm');
  await expectAxeClean(page);
  await callback.getByRole('button', { name: 'Send the request' }).click();
  await expect(page.getByText('Request sent. We will call you back.')).toBeVisible();
  const requests = await portalHub.backOffice.rows<PortalRequest>('portalRequest');
  expect(requests.find((r) => r.kind === 'cancellation' && r.workOrderId === inside.workOrder.id)?.message).toContain('Please call me after 5 pm');
});
