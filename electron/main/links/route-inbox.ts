import { parseDeepLink, type AppRoute } from '../../../shared/contract/deep-link';

/** Links waiting for the window: at most this many (a flood of launches must not pile up). */
const MAX_PENDING = 20;

export class InvalidLinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidLinkError';
  }
}

/**
 * Links handed to the running console (a second launch, the operating system, the browser host's
 * stand-in for both) wait here until the window takes them: a link that arrives while the window
 * is still loading is not lost. `notify` tells the window there is something to take.
 */
export class RouteInbox {
  private pending: AppRoute[] = [];

  constructor(private readonly notify: () => void) {}

  /** Parses and queues a link; throws InvalidLinkError with a reason a person can act on. */
  open(url: string): AppRoute {
    const parsed = parseDeepLink(url);
    if (!parsed.ok) throw new InvalidLinkError(parsed.reason);
    this.pending = [...this.pending, parsed.route].slice(-MAX_PENDING);
    this.notify();
    return parsed.route;
  }

  take(): AppRoute[] {
    const routes = this.pending;
    this.pending = [];
    return routes;
  }
}
