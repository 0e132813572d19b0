import { Chip, Text } from '@mantine/core';
import type { FreeTime } from '../../../shared/contract/portal-http';
import { Loading } from '../../components/query-state';
import { useFormatTimes } from '../../i18n/format-visit';
import { useT } from '../../i18n/use-t';

interface Props {
  times: readonly FreeTime[] | undefined;
  loading: boolean;
  /** The chosen start (epoch ms), or null. */
  value: number | null;
  onChange: (start: number) => void;
}

/** The day's free times as radio chips (arrow keys move between them), in the account's zone. */
export function FreeTimePicker({ times, loading, value, onChange }: Props) {
  const t = useT();
  const { clock, clockRange } = useFormatTimes();
  if (loading) return <Loading label={t('book.timesLoading')} />;
  if (!times) return null;
  if (times.length === 0) return <Text role="status">{t('book.noTimes')}</Text>;
  return (
    <div role="radiogroup" aria-label={t('book.times')}>
      <Chip.Group multiple={false} value={value === null ? '' : String(value)} onChange={(start) => onChange(Number(start))}>
        <ul className="times-list">
          {times.map((time) => (
            <li key={time.start}>
              <Chip value={String(time.start)} type="radio" name="free-time" variant="outline" className="time-chip">
                {time.kind === 'window' ? t('book.windowOption', { range: clockRange(time.start, time.end) }) : clock(time.start)}
              </Chip>
            </li>
          ))}
        </ul>
      </Chip.Group>
    </div>
  );
}
