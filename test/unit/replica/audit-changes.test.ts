import { describe, expect, it } from 'vitest';
import { auditChanges } from '../../../electron/main/db/queries/audit-changes';

describe('audit trail changes', () => {
  it('lists the fields that changed, leaving out version bookkeeping', () => {
    const before = JSON.stringify({ id: 'b1', status: 'scheduled', start: 1, version: 3, pinned: false });
    const after = JSON.stringify({ id: 'b1', status: 'traveling', start: 1, version: 4, pinned: true, note: 'x' });
    expect(auditChanges(before, after)).toEqual([
      { field: 'status', before: 'scheduled', after: 'traveling' },
      { field: 'pinned', before: 'false', after: 'true' },
      { field: 'note', before: null, after: 'x' },
    ]);
  });

  it('shows a creation as what was set, and keeps unreadable entries whole', () => {
    expect(auditChanges(null, JSON.stringify({ text: 'hi' }))).toEqual([{ field: 'text', before: null, after: 'hi' }]);
    expect(auditChanges('{oops', '[1]')).toEqual([{ field: '', before: '{oops', after: '[1]' }]);
    expect(auditChanges(JSON.stringify({ __proto__: 1, constructor: 'a' }), JSON.stringify({ constructor: 'b' }))).toContainEqual({ field: 'constructor', before: 'a', after: 'b' });
  });
});
