import { expectAxeClean } from '../e2e/support/axe';
import { codeIn, expect, inviteAndRedeem, signIn, test } from './support/portal-test';
import { portalLinkIn } from './support/smtp-sink';

test('a customer redeems the e-mailed invitation, signs out and in, and resets a forgotten password from the e-mailed link', async ({ page, portalHub }) => {
  const [fresh] = await portalHub.backOffice.freshCustomers(1);
  const customer = await inviteAndRedeem(page, portalHub, fresh!);
  const zoneNote = page.getByText(/^Times are shown in the time zone of /);
  await expect(zoneNote).toContainText(customer.account.name);
  await expect(zoneNote).toContainText(customer.account.timeZone);
  await expectAxeClean(page);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectAxeClean(page);

  // A wrong password says so, without saying which of the two was wrong.
  await page.getByLabel('E-mail address').fill(customer.contact.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('The e-mail address or the password is not right.');

  // Forgot it: the e-mailed link opens the second step; the new password works, the old one no longer.
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('E-mail address').fill(customer.contact.email);
  const since = Date.now();
  await page.getByRole('button', { name: 'E-mail me a reset link' }).click();
  await expect(page.getByRole('status').filter({ hasText: `If ${customer.contact.email} has a portal profile` })).toBeVisible();
  const mail = await portalHub.smtp.waitFor(customer.contact.email, (m) => m.text.includes('/portal/#/reset'), { since });
  await page.goto(portalLinkIn(mail));
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  const code = page.getByLabel('Reset code');
  if ((await code.inputValue()) === '') await code.fill(codeIn(mail.text));
  await page.getByLabel('New password').fill('a brand new portal password');
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await expect(page.getByText('Your password was changed. Sign in with your new password.')).toBeVisible();
  await signIn(page, portalHub, { ...customer, password: 'a brand new portal password' });
});

test('an invitation code works once, a mistyped one is refused with a reason, and fields say what is missing', async ({ page, portalHub }) => {
  const [, fresh] = await portalHub.backOffice.freshCustomers(2);
  const since = Date.now();
  const customer = await inviteAndRedeem(page, portalHub, fresh!);
  const mail = await portalHub.smtp.waitFor(customer.contact.email, () => true, { since });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  await page.goto(portalLinkIn(mail));
  await page.getByRole('button', { name: 'Create my profile' }).click();
  await expect(page.getByLabel('Invitation code')).toHaveAccessibleDescription(/Please fill this in\./);
  await expect(page.getByLabel('Choose a password')).toHaveAccessibleDescription(/Please fill this in\./);
  await page.getByLabel('Invitation code').fill('ABCDE-FGHJK');
  await page.getByLabel('Your name').fill('Someone Else');
  await page.getByLabel('Choose a password').fill('short');
  await page.getByRole('button', { name: 'Create my profile' }).click();
  await expect(page.getByLabel('Choose a password')).toHaveAccessibleDescription(/Use at least 12 characters\./);

  await page.getByLabel('Choose a password').fill('another long enough password');
  await page.getByRole('button', { name: 'Create my profile' }).click();
  await expect(page.getByRole('alert')).toContainText('That invitation code does not work');

  // The real code, a second time: already used (or the profile exists), never a second profile.
  await page.getByLabel('Invitation code').fill(codeIn(mail.text));
  await page.getByRole('button', { name: 'Create my profile' }).click();
  await expect(page.getByRole('alert')).toHaveText(/That invitation code does not work|You already have a profile/);
  await expect(page.getByRole('heading', { level: 1, name: 'Redeem your invitation' })).toBeVisible();
});
