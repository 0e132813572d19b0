import { useSyncExternalStore } from 'react';

/**
 * Where the app is: everything after '#' (`#/appointments/b1?x=1`). The hub serves one page at
 * /portal/, so client routes live in the hash and e-mailed links (`/portal/#/redeem?email=…&code=…`)
 * need no server-side routing. Unlike wouter's own hash hook, the query inside the hash is the
 * route's search, not part of its path.
 */
const subscribe = (onChange: () => void) => {
  addEventListener('hashchange', onChange);
  return () => removeEventListener('hashchange', onChange);
};

const hashParts = () => location.hash.replace(/^#?\/?/, '').split('?');
const currentPath = () => `/${hashParts()[0] ?? ''}`;
const currentSearch = () => hashParts()[1] ?? location.search.replace(/^\?/, '');

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const target = `#${to.startsWith('/') ? to : `/${to}`}`;
  if (!options.replace) {
    location.hash = target;
    return;
  }
  const oldURL = location.href;
  history.replaceState(history.state, '', target);
  dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: location.href }));
}

export function useHashPath(): [string, typeof navigate] {
  return [useSyncExternalStore(subscribe, currentPath), navigate];
}
useHashPath.hrefs = (href: string) => `#${href}`;
useHashPath.searchHook = () => useSyncExternalStore(subscribe, currentSearch);
