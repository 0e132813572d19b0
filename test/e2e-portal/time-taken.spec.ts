import { csrfHeader, portalRoutes } from '../../shared/contract/portal-http';
import { chooseDayWithTimes } from './support/booking';
import { expect, inviteAndRedeem, test } from './support/portal-test';

test('a time taken while the customer was choosing: Book says so and shows the day\'s free times as they are now, without it', async ({ page, portalHub }) => {
  const [, , , , , , , , , , fresh] = await portalHub.backOffice.freshCustomers(11);
  const customer = await inviteAndRedeem(page, portalHub, fresh!);
  await page.getByRole('link', { name: 'Book a visit' }).click();
  await page.getByLabel('Equipment').selectOption(customer.asset.id);
  const services = await page.getByLabel('Service').locator('option').allInnerTexts();
  await page.getByLabel('Service').selectOption({ index: services.findIndex((text) => text.startsWith('Leak repair (')) });
  await chooseDayWithTimes(page, 1);
  const chosen = page.getByRole('radio').first();
  const start = Number(await chosen.getAttribute('value'));
  const label = (await page.locator('.time-chip label').first().innerText()).trim();
  await page.locator('.time-chip label').first().click();
  await expect(chosen).toBeChecked();

  // Meanwhile every technician who could come at that time gets booked for it (the same
  // account in another tab, straight through the portal API), until the hub says it is gone.
  const request = page.context().request;
  const token = ((await (await request.get(portalHub.url + portalRoutes.csrfToken)).json()) as { token: string }).token;
  let answer = 0;
  for (let i = 0; i < 60 && answer !== 409; i += 1) {
    const booked = await request.post(portalHub.url + portalRoutes.book, { headers: { [csrfHeader]: token }, data: { assetId: customer.asset.id, incidentTypeId: 'inc-leak-repair', start, comments: '' } });
    answer = booked.status();
  }
  expect(answer, 'the hub ran out of technicians for that time').toBe(409);

  await page.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('That time was just taken by someone else. Here are the free times as they are now.');
  await expect(page.getByRole('heading', { level: 1, name: 'Book a new appointment' })).toBeVisible();
  await expect(page.locator(`.time-chip input[value="${start}"]`)).toHaveCount(0);
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
  expect(label).toMatch(/C[SD]T$/);
});
