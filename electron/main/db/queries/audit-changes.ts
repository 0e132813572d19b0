import type { AuditFieldChange } from '../../../../shared/contract/work-order-detail';

/** Bookkeeping fields no reader of an audit trail needs to see change. */
const hidden = new Set(['version', 'id']);

/**
 * The fields an audited change changed, from the before and after JSON the audit trail keeps:
 * every field whose value differs, in the order they appear (a creation lists what was set).
 * Unreadable JSON is shown whole rather than lost.
 */
export function auditChanges(beforeJson: string | null, afterJson: string | null): AuditFieldChange[] {
  const before = parseObject(beforeJson);
  const after = parseObject(afterJson);
  if (before === 'unreadable' || after === 'unreadable') return [{ field: '', before: beforeJson, after: afterJson }];
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((f) => !hidden.has(f));
  const changes: AuditFieldChange[] = [];
  for (const field of fields) {
    const was = before && Object.hasOwn(before, field) ? before[field] : undefined;
    const is = after && Object.hasOwn(after, field) ? after[field] : undefined;
    if (JSON.stringify(was) === JSON.stringify(is)) continue;
    changes.push({ field, before: show(was), after: show(is) });
  }
  return changes;
}

function parseObject(json: string | null): Record<string, unknown> | null | 'unreadable' {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function show(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
