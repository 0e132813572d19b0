import { csrfHeader, portalRouteMethods, portalRoutes } from '../../shared/contract/portal-http';
import { bookVisit } from './support/booking';
import { expect, inviteAndRedeem, test } from './support/portal-test';

/** Every portal route that takes a visit: another account's visit must look like no visit at all. */
const perVisitRoutes = ['appointment', 'moveFreeTimes', 'move', 'cancel', 'callbackRequest', 'feedback', 'tracking', 'technicianPhoto'] as const;

test('a customer never reaches another account\'s visit: every per-visit route answers 404 and the screen says it was not found', async ({ page, browser, portalHub }) => {
  const [, , , , , , firstFresh, secondFresh] = await portalHub.backOffice.freshCustomers(8);
  await inviteAndRedeem(page, portalHub, firstFresh!);
  const theirs = await bookVisit(page, { service: 'Leak repair', dayIndex: 1 });

  const other = await browser.newContext({ timezoneId: 'Asia/Tokyo', locale: 'en-US' });
  const intruder = await other.newPage();
  await inviteAndRedeem(intruder, portalHub, secondFresh!);
  await expect(intruder.getByText(theirs.workOrderNumber)).toHaveCount(0);

  await intruder.goto(`${portalHub.portalUrl}#/appointments/${encodeURIComponent(theirs.bookingId)}`);
  await expect(intruder.getByRole('alert')).toContainText('We could not find that.');
  await intruder.goto(`${portalHub.portalUrl}#/appointments/${encodeURIComponent(theirs.bookingId)}/tracking`);
  await expect(intruder.getByRole('alert')).toContainText('We could not find that.');

  // The API itself, with the intruder's session and a valid CSRF token, for every per-visit route.
  const answers = await intruder.evaluate(
    async ({ routes, bookingId, header }) => {
      const token = ((await (await fetch('/api/v1/portal/csrf-token')).json()) as { token: string }).token;
      const bodies: Record<string, unknown> = { move: { start: Date.now() + 86_400_000 }, cancel: { note: 'not mine' }, callbackRequest: { intent: 'cancellation', message: 'not mine' }, feedback: { rating: 1, comment: '' } };
      const results: Record<string, [number, string]> = {};
      for (const [name, path, method] of routes) {
        const query = name === 'moveFreeTimes' ? `?date=${new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)}` : '';
        const answer = await fetch(path.replace(':bookingId', encodeURIComponent(bookingId)) + query, {
          method,
          headers: method === 'GET' ? {} : { 'content-type': 'application/json', [header]: token },
          body: method === 'GET' ? null : JSON.stringify(bodies[name] ?? {}),
        });
        results[name] = [answer.status, ((await answer.json()) as { error?: { code?: string } }).error?.code ?? 'none'];
      }
      return results;
    },
    { routes: perVisitRoutes.map((name) => [name, portalRoutes[name], portalRouteMethods[name]] as const), bookingId: theirs.bookingId, header: csrfHeader },
  );
  expect(answers).toEqual(Object.fromEntries(perVisitRoutes.map((name) => [name, [404, 'not_found']])));

  // The owner still has it, untouched.
  await page.reload();
  await page.getByRole('link', { name: 'My appointments', exact: true }).click();
  const card = page.getByRole('region', { name: 'Upcoming' }).getByRole('article').filter({ hasText: theirs.workOrderNumber });
  await expect(card).toContainText(theirs.workOrderNumber);
  await expect(card).toContainText('Scheduled');
  await other.close();
});
