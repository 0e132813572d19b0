import { describe, expect, it } from 'vitest';
import { InvalidLinkError, RouteInbox } from '../../../electron/main/links/route-inbox';
import { deepLinkFor, findDeepLink, parseDeepLink } from '../../../shared/contract/deep-link';

describe('deep links', () => {
  it.each([
    ['dispatch-desk://work-order/WO-00123', 'WO-00123'],
    ['DISPATCH-DESK://Work-Order/wo-00123/', 'WO-00123'],
    ['  dispatch-desk://work-order/WO-00123?from=mail#top ', 'WO-00123'],
    ['dispatch-desk://work-order/WO%2D00123', 'WO-00123'],
    ['dispatch-desk://work-order/WO-1234567', 'WO-1234567'],
  ])('opens %s as work order %s', (url, number) => {
    expect(parseDeepLink(url)).toEqual({ ok: true, route: { kind: 'work-order', number } });
  });

  it.each([
    ['', /Only dispatch-desk:\/\/ links/],
    ['file:///etc/passwd', /Only dispatch-desk:\/\/ links/],
    ['dispatch-desk:work-order/WO-00123', /should look like/],
    ['dispatch-desk://work-order/', /should look like/],
    ['dispatch-desk://constructor/WO-00123', /cannot open "constructor" links/],
    ['dispatch-desk://work-order/WO-00123%00', /is not a work order number/],
    ['dispatch-desk://work-order/../../WO-00123', /should look like/],
    [`dispatch-desk://work-order/WO-${'1'.repeat(3000)}`, /too long/],
  ])('refuses %j with a reason', (url, reason) => {
    const parsed = parseDeepLink(url);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('round-trips the link it makes, and finds a link among launch arguments', () => {
    expect(parseDeepLink(deepLinkFor({ kind: 'work-order', number: 'WO-00042' }))).toEqual({ ok: true, route: { kind: 'work-order', number: 'WO-00042' } });
    expect(findDeepLink(['/opt/Dispatch Desk/dispatch-desk', '--no-sandbox', 'dispatch-desk://work-order/WO-00042'])).toBe('dispatch-desk://work-order/WO-00042');
    expect(findDeepLink(['/usr/bin/dispatch-desk', '.'])).toBeUndefined();
  });

  it('queues links for the window, bounded, and refuses bad ones without queueing them', () => {
    let told = 0;
    const inbox = new RouteInbox(() => told++);
    expect(() => inbox.open('dispatch-desk://nope/1')).toThrow(InvalidLinkError);
    for (let i = 1; i <= 25; i++) inbox.open(`dispatch-desk://work-order/WO-${String(i).padStart(5, '0')}`);
    expect(told).toBe(25);
    const taken = inbox.take();
    expect(taken).toHaveLength(20);
    expect(taken.at(-1)).toEqual({ kind: 'work-order', number: 'WO-00025' });
    expect(inbox.take()).toEqual([]);
  });
});
