import { expect, test as base, type Page } from '@playwright/test';
import type { Contact, CustomerAsset, ServiceAccount } from '../../../shared/domain/entities';
import { startPortalHub, type PortalHub } from './portal-hub';
import { portalLinkIn } from './smtp-sink';

export interface Customer {
  contact: Contact;
  account: ServiceAccount;
  asset: CustomerAsset;
  password: string;
}

/** One hub + SMTP server per worker (the portal project runs one worker): starting them is the slow part. */
export const test = base.extend<object, { portalHub: PortalHub }>({
  portalHub: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring.
    async ({}, use) => {
      // A tile server that is not there (port 9, discard): the map must still draw and the page still say everything in text.
      const hub = await startPortalHub(['--map-tiles', 'http://127.0.0.1:9/tiles/{z}/{x}/{y}.png']);
      await use(hub);
      await hub.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});
export { expect };

/** Invitation codes as e-mailed: two groups of five, from an alphabet without I, O, 0 and 1. */
const invitationCode = /\b[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}\b/;

export function codeIn(text: string): string {
  const code = invitationCode.exec(text)?.[0];
  if (!code) throw new Error(`No code in the e-mail:\n${text}`);
  return code;
}

/**
 * Back office invites a fresh demo contact (and grants the portal role) from the "console";
 * the customer opens the e-mailed link, types the e-mailed code, chooses a name and password
 * and lands signed in on their appointments.
 */
export async function inviteAndRedeem(page: Page, portalHub: PortalHub, customer: Omit<Customer, 'password'>, name = customer.contact.name): Promise<Customer> {
  const password = `portal pass ${customer.contact.id} long enough`;
  const since = Date.now();
  await portalHub.backOffice.invite(customer.contact.id);
  const mail = await portalHub.smtp.waitFor(customer.contact.email, (m) => invitationCode.test(m.text), { since });
  await page.goto(portalLinkIn(mail));
  await expect(page.getByRole('heading', { level: 1, name: 'Redeem your invitation' })).toBeVisible();
  await expect(page.getByLabel('E-mail address')).toHaveValue(customer.contact.email);
  await page.getByLabel('Invitation code').fill(codeIn(mail.text));
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Choose a password').fill(password);
  await page.getByRole('button', { name: 'Create my profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My appointments' })).toBeVisible();
  return { ...customer, password };
}

export async function signIn(page: Page, portalHub: PortalHub, customer: Customer): Promise<void> {
  await page.goto(`${portalHub.portalUrl}#/sign-in`);
  await page.getByLabel('E-mail address').fill(customer.contact.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(customer.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My appointments' })).toBeVisible();
}
