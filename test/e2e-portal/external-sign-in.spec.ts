import { expectAxeClean } from '../e2e/support/axe';
import { EXTERNAL_PROVIDER_NAME as SSO } from './support/portal-hub';
import { expect, inviteAndRedeem, test } from './support/portal-test';

/**
 * External sign-in in Chromium, following the real redirects: portal → hub → the OpenID Connect
 * provider's login page (on `localhost`, another site) → hub callback → portal.
 */
test('a customer links their Acme SSO account on Profile, signs out, and signs in with it; an unlinked account is told what to do', async ({ page, portalHub }, testInfo) => {
  const fresh = (await portalHub.backOffice.freshCustomers(14)).at(-1)!;
  const customer = await inviteAndRedeem(page, portalHub, fresh);
  const login = `sso-${customer.contact.id}`;

  await page.getByRole('link', { name: 'Profile' }).click();
  const section = page.getByRole('region', { name: `Sign in with ${SSO}` });
  await expect(section).toContainText('Not linked yet.');
  await expectAxeClean(page);
  await section.getByRole('button', { name: `Link ${SSO}` }).click();

  // The issuer's own page, on another site.
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/interaction\//);
  await expect(page.getByRole('heading', { level: 1, name: 'Acme SSO', exact: true })).toBeVisible();
  await page.getByLabel('User name').fill(login);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  await expect(section.getByRole('status')).toHaveText(`Your ${SSO} account is linked. From now on you can sign in with it.`);
  await expect(section).toContainText(`Linked to ${SSO} as ${login}@sso.example.`);
  await expect(section.getByRole('button', { name: `Unlink ${SSO}` })).toBeVisible();
  await expectAxeClean(page);
  await page.screenshot({ path: testInfo.outputPath('portal-profile-linked.png'), fullPage: true });

  // The hub sends a flow it cannot place (a stale or forged state) to the sign-in page; signed in, Profile says why.
  await page.goto(`${portalHub.portalUrl}#/sign-in?oidc=flow_invalid`);
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  await expect(section.getByRole('alert')).toHaveText('This sign-in attempt is not valid: it was started in another browser or tab, or already used. Please start again.');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  // Keyboard: the next stop after "Sign in" is the external button, and Enter starts it.
  await page.getByRole('button', { name: 'Sign in', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: `Sign in with ${SSO}` })).toBeFocused();
  await page.keyboard.press('Enter');
  // Still signed in at the issuer: it sends the browser straight back, and the portal opens signed in.
  await expect(page.getByRole('heading', { level: 1, name: 'My appointments' })).toBeVisible();
  const session = (await page.context().cookies()).find((c) => c.name === 'dd_portal_session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', domain: '127.0.0.1' });

  // Someone else at the issuer, linked to nobody: told how to link, not signed in.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.context().clearCookies({ domain: 'localhost' });
  await page.getByRole('button', { name: `Sign in with ${SSO}` }).click();
  await page.getByLabel('User name').fill(customer.contact.email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText(`This ${SSO} account is not linked to a portal account yet. Sign in with your e-mail and password, then link it under Profile.`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectAxeClean(page);
  await page.screenshot({ path: testInfo.outputPath('portal-sign-in-not-linked.png'), fullPage: true });
});

test('at phone width and in Arabic the external sign-in fits and reads right to left', async ({ browser, portalHub }, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, timezoneId: 'Asia/Tokyo', locale: 'en-US', hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(`${portalHub.portalUrl}#/sign-in?oidc=flow_expired`);
  await expect(page.getByRole('alert')).toHaveText('This sign-in attempt took more than 10 minutes and has expired. Please start again.');
  await page.getByLabel('Language').selectOption('ar');
  await expect(page.getByRole('button', { name: `تسجيل الدخول عبر ${SSO}` })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('انتهت صلاحيتها');
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
  await expectAxeClean(page);
  await page.screenshot({ path: testInfo.outputPath('portal-sign-in-external-ar-375.png'), fullPage: true });
  await context.close();
});
