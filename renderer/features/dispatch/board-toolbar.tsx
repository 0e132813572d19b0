import { Button, Group, SegmentedControl } from '@mantine/core';
import { useT } from '../../components/use-t';
import { useDispatchActions, useHistory } from './dispatch-context';
import { ZoneSelect } from './zone-select';

export type BoardScale = 'day' | '3days' | 'week';

export const scaleDays: Record<BoardScale, number> = { day: 1, '3days': 3, week: 7 };
/** Pixels per hour at each scale: a day fills a wide screen at 120, a week fits three to four screens at 20. */
export const scalePxPerHour: Record<BoardScale, number> = { day: 120, '3days': 48, week: 20 };

interface Props {
  scale: BoardScale;
  onScale: (scale: BoardScale) => void;
  companyZone: string;
  zone: string;
  technicianZones: readonly string[];
  onZone: (zone: string) => void;
  onPlan: () => void;
  planning: boolean;
}

/** Scale, the zone times are shown in, undo and redo, and "Plan the day". */
export function BoardToolbar(props: Props) {
  const t = useT();
  const actions = useDispatchActions();
  const { undoLabel, redoLabel } = useHistory(actions.history);
  return (
    <Group className="board-toolbar" gap="sm" wrap="wrap" align="flex-end" data-testid="board-toolbar">
      <SegmentedControl
        size="xs"
        aria-label={t('scale.label')}
        value={props.scale}
        onChange={(value) => props.onScale(value as BoardScale)}
        data={[
          { value: 'day', label: t('scale.day') },
          { value: '3days', label: t('scale.3days') },
          { value: 'week', label: t('scale.week') },
        ]}
      />
      <ZoneSelect companyZone={props.companyZone} value={props.zone} technicianZones={props.technicianZones} onChange={props.onZone} />
      <Group gap={4}>
        <Button size="compact-sm" variant="default" disabled={!undoLabel} onClick={() => void actions.undo()} title={undoLabel ? t('undo.buttonLabel', { change: undoLabel }) : undefined} aria-keyshortcuts="Control+Z" data-testid="undo-button">
          {t('undo.button')}
        </Button>
        <Button size="compact-sm" variant="default" disabled={!redoLabel} onClick={() => void actions.redo()} title={redoLabel ? t('redo.buttonLabel', { change: redoLabel }) : undefined} aria-keyshortcuts="Control+Shift+Z" data-testid="redo-button">
          {t('redo.button')}
        </Button>
      </Group>
      <Button size="compact-sm" onClick={props.onPlan} variant={props.planning ? 'light' : 'filled'} data-testid="plan-day-button">
        {t('plan.open')}
      </Button>
    </Group>
  );
}
