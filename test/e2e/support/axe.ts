import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Automated accessibility checks (axe-core, WCAG 2.1 A/AA rules), failing with the rule and the
 * elements named.
 */
/**
 * Mantine fades overlays and hovered rows in; axe measuring contrast halfway through a fade reports
 * colours nobody sees once it ends. Waits for every finite animation and transition to finish.
 */
async function animationsSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    // Typed by hand: this file compiles without the DOM library.
    type Running = { playState: string; effect: { getComputedTiming(): { iterations?: number } } | null };
    const { document } = globalThis as unknown as { document: { getAnimations(): Running[] } };
    return document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity);
  });
}

async function violations(page: Page, impacts: readonly string[], within?: string): Promise<string[]> {
  await animationsSettled(page);
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (within ? builder.include(within) : builder).analyze();
  return results.violations
    .filter((v) => impacts.includes(v.impact ?? ''))
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Serious and critical findings fail; `within` (a CSS selector) checks only that part of the page. */
export async function expectNoSeriousViolations(page: Page, within?: string): Promise<void> {
  expect(await violations(page, ['serious', 'critical'], within)).toEqual([]);
}

/** Every finding fails, minor ones too (the customer portal is held to this). */
export async function expectAxeClean(page: Page): Promise<void> {
  expect(await violations(page, ['minor', 'moderate', 'serious', 'critical'])).toEqual([]);
}
