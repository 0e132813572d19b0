import type { ReactNode } from 'react';

/** Tags that catalogue messages may use (`<strong>{url}</strong>`), for FormattedMessage's values. */
export const richText = {
  strong: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
};
