import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the palette with Ctrl+K and types like a person, once the search field has the focus. */
export async function openPaletteAndType(page: Page, text: string): Promise<Locator> {
  const search = page.getByRole('textbox', { name: /Search and commands|البحث والأوامر/ });
  // A palette still fading out would be toggled shut by Ctrl+K.
  await expect(search).toHaveCount(0);
  await page.keyboard.press('Control+k');
  await expect(search).toBeFocused();
  await page.keyboard.type(text, { delay: 20 });
  return page.getByTestId('command-palette');
}

/** Arrows down (keyboard only) until `target` is the selected action, then presses Enter. */
export async function chooseWithKeyboard(page: Page, target: Locator, maxSteps = 40): Promise<void> {
  await expect(target).toBeVisible();
  for (let step = 0; step < maxSteps; step++) {
    if ((await target.getAttribute('data-selected')) === 'true') {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error('The palette never selected the expected action.');
}
