/**
 * Horizontal scroll measured along the reading direction: 0 at the start of the time axis and
 * growing towards later times, in left-to-right and right-to-left boards alike. (Browsers report
 * scrollLeft in a right-to-left box as 0 at the right edge and negative towards the left.)
 */
export function isRightToLeft(el: Element): boolean {
  return getComputedStyle(el).direction === 'rtl';
}

export function inlineScroll(el: HTMLElement): number {
  return Math.abs(el.scrollLeft);
}

export function setInlineScroll(el: HTMLElement, offset: number): void {
  el.scrollLeft = isRightToLeft(el) ? -offset : offset;
}
