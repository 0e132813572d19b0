import type { PortalMessageKey } from './portal-catalogues';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- FormatJS types message ids through this global namespace.
  namespace FormatjsIntl {
    // In the portal's own program (tsconfig.portal.json) message ids are the portal's.
    interface Message {
      ids: PortalMessageKey;
    }
  }
}
