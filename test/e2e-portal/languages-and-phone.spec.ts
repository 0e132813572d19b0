import { expectAxeClean } from '../e2e/support/axe';
import { bookVisit, chooseDayWithTimes } from './support/booking';
import { expect, inviteAndRedeem, test } from './support/portal-test';

test('in Arabic the portal reads right to left, says everything in Arabic, and its e-mails follow the chosen language', async ({ page, portalHub }, testInfo) => {
  const [, , , , , , , , fresh] = await portalHub.backOffice.freshCustomers(9);
  const customer = await inviteAndRedeem(page, portalHub, fresh!);
  const booked = await bookVisit(page, { service: 'Leak repair', dayIndex: 1 });
  await page.getByRole('link', { name: 'My appointments', exact: true }).click();

  await page.getByLabel('Language').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1, name: 'مواعيدي' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'القادمة' }).getByRole('article').filter({ hasText: booked.workOrderNumber })).toContainText('مجدولة');
  await expectAxeClean(page);
  await page.screenshot({ path: testInfo.outputPath('portal-home-ar.png'), fullPage: true });

  await page.getByRole('link', { name: 'حجز زيارة' }).click();
  await page.getByLabel('الجهاز').selectOption({ index: 1 });
  await page.getByLabel('الخدمة').selectOption({ index: 1 });
  await expect(page.getByRole('radiogroup', { name: 'الأوقات المتاحة' }).or(page.getByText('لا توجد أوقات متاحة في هذا اليوم. جرّب يومًا آخر.'))).toBeVisible();
  await expectAxeClean(page);
  await page.screenshot({ path: testInfo.outputPath('portal-book-ar.png'), fullPage: true });

  // The language is the profile's: a new session opens in Arabic, and the next e-mail is Arabic.
  await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
  await page.getByRole('link', { name: 'هل نسيت كلمة المرور؟' }).click();
  // The sign-in form has an e-mail field of the same name: fill the reset form's, once it is there.
  await expect(page.getByRole('heading', { level: 1, name: 'إعادة تعيين كلمة المرور' })).toBeVisible();
  await page.getByLabel('البريد الإلكتروني').fill(customer.contact.email);
  const since = Date.now();
  await page.getByRole('button', { name: 'أرسل لي رابط إعادة التعيين' }).click();
  const mail = await portalHub.smtp.waitFor(customer.contact.email, () => true, { since });
  expect(mail.text).toMatch(/[\u0600-\u06FF]{3,}/);
});

test('at phone width (375 px) every screen fits without sideways scrolling and works by touch-sized controls', async ({ browser, portalHub }, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, timezoneId: 'Asia/Tokyo', locale: 'en-US', hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const [, , , , , , , , , fresh] = await portalHub.backOffice.freshCustomers(10);
  await inviteAndRedeem(page, portalHub, fresh!);
  const noSidewaysScroll = async () => expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);

  await noSidewaysScroll();
  await page.screenshot({ path: testInfo.outputPath('portal-home-375.png'), fullPage: true });
  await bookVisit(page, { service: 'Leak repair', dayIndex: 1, comments: 'Phone booking' });
  await noSidewaysScroll();
  await page.getByRole('link', { name: 'View the appointment' }).click();
  await page.getByRole('button', { name: 'Move to another time' }).click();
  await chooseDayWithTimes(page, 1);
  await noSidewaysScroll();
  await expectAxeClean(page);
  await page.screenshot({ path: testInfo.outputPath('portal-move-375.png'), fullPage: true });
  await context.close();
});
