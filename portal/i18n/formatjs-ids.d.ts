import type { PortalMessageKey } from './portal-catalogues';

declare global {
  namespace FormatjsIntl {
    // In the portal's own program (tsconfig.portal.json) message ids are the portal's.
    interface Message {
      ids: PortalMessageKey;
    }
  }
}
