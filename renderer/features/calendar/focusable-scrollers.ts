/**
 * FullCalendar's scrolling panes are plain divs, so keyboard users cannot scroll them (axe:
 * scrollable-region-focusable). Give every pane that scrolls a tab stop and a name.
 */
export function makeScrollersFocusable(root: HTMLElement | null, label: string): void {
  if (!root) return;
  for (const element of root.querySelectorAll<HTMLElement>('div')) {
    const style = getComputedStyle(element);
    const scrolls = /(auto|scroll)/.test(style.overflowY + style.overflowX);
    if (!scrolls || element.hasAttribute('tabindex')) continue;
    if (element.scrollHeight <= element.clientHeight && element.scrollWidth <= element.clientWidth) continue;
    element.tabIndex = 0;
    element.setAttribute('role', 'region');
    element.setAttribute('aria-label', label);
  }
}
