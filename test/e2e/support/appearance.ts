import { expect, type Page } from '@playwright/test';

const languageCodes = new Map([['English', 'en'], ['Español', 'es'], ['العربية', 'ar']]);

export interface Appearance {
  /** As labelled in English, the language Settings is in when this runs on a fresh console. */
  theme: 'System' | 'Light' | 'Dark';
  /** A language's own name ("العربية"); null keeps the current one. */
  language: string | null;
}

/**
 * Sets theme and language in Settings, as a user would, unless the console already shows them
 * (they are saved, so later tests on the same console find them set). Leaves Settings closed.
 */
export async function chooseAppearance(page: Page, { theme, language }: Appearance): Promise<void> {
  const scheme = theme === 'Dark' ? 'dark' : 'light';
  const html = page.locator('html');
  const wantLang = language === null ? null : (languageCodes.get(language) ?? null);
  if ((await html.getAttribute('data-mantine-color-scheme')) === scheme && (!wantLang || (await html.getAttribute('lang')) === wantLang)) return;
  const dialog = page.getByRole('dialog');
  // The shortcut is heard once the console has started: pressed again until Settings opens.
  await expect(async () => {
    await page.keyboard.press('Control+Comma');
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  // The theme switch is the first radio group in Settings whatever the language.
  const themeIndex = { System: 0, Light: 1, Dark: 2 }[theme];
  await dialog.getByTestId('theme-switch').locator('label').nth(themeIndex).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', scheme);
  if (language) {
    await dialog.getByTestId('language-switch').click();
    await page.getByRole('option', { name: language, exact: true }).click();
    if (wantLang) await expect(html).toHaveAttribute('lang', wantLang);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}
