import { useCallback, useSyncExternalStore } from 'react';
import { useIntl } from 'react-intl';
import type { PlacementVerdict } from '../../../../shared/mutations/placement-verdict';
import { useT } from '../../../components/use-t';
import { useBoardGeometry } from '../../board/board-geometry';
import { NAME_COLUMN_WIDTH, ROW_HEIGHT, timeToX } from '../../board/board-layout';
import { ruleMessage } from '../rule-labels';
import type { DragStore, DropTarget } from './drag-store';

export type VerdictKind = 'ok' | 'override' | 'refused' | 'checking';

export function verdictKind(verdict: PlacementVerdict | null): VerdictKind {
  if (!verdict) return 'checking';
  if (verdict.allowed) return 'ok';
  return verdict.overridable ? 'override' : 'refused';
}

/** The words for a target: where, when, and what the rules say. Also what a screen reader hears. */
export function useTargetDescription(): (target: DropTarget) => string {
  const t = useT();
  const intl = useIntl();
  return useCallback((target: DropTarget) => {
    const when = `${intl.formatTime(target.start, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}–${intl.formatTime(target.end, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}`;
    const verdict = target.verdict;
    const kind = verdictKind(verdict);
    const rule = verdict && !verdict.allowed ? ruleMessage(verdict.rule) : null;
    const why = verdict && !verdict.allowed ? `${rule ? `${t(rule)}. ` : ''}${verdict.message}` : '';
    const status =
      kind === 'ok' ? t('drop.allowed') : kind === 'checking' ? t('drop.checking') : kind === 'override' ? t('drop.needsOverride', { why }) : t('drop.refused', { why });
    return t('drop.target', { technician: target.resourceName, when, status });
  }, [t, intl]);
}

/** The slot a dragged item would land in, coloured by the rules' answer, with the answer in words. */
export function DropTargetLayer({ store }: { store: DragStore }) {
  const state = useSyncExternalStore(store.subscribe, store.get);
  const geometry = useBoardGeometry();
  const describe = useTargetDescription();
  const target = state?.target;
  if (!target || !geometry) return null;
  const top = geometry.rowTop(target.resourceId);
  if (top === undefined) return null;
  const left = NAME_COLUMN_WIDTH + timeToX(geometry.scale, target.start);
  const width = Math.max(6, timeToX(geometry.scale, target.end) - timeToX(geometry.scale, target.start));
  const kind = verdictKind(target.verdict);
  return (
    <>
      <div className="board-drop-target" data-testid="drop-target" data-verdict={kind} data-resource-id={target.resourceId} data-start={target.start} style={{ left, top: top + 3, width, height: ROW_HEIGHT - 6 }} aria-hidden="true" />
      <div className="board-drop-label" data-testid="drop-label" data-verdict={kind} style={{ left, top: top + ROW_HEIGHT }} aria-hidden="true">
        {describe(target)}
      </div>
    </>
  );
}
