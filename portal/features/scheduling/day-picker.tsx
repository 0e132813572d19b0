import { ActionIcon, Button, useDirection } from '@mantine/core';
import { useState } from 'react';
import { addDays, useFormatDay } from '../../i18n/format-visit';
import { useT } from '../../i18n/use-t';

const DAYS_SHOWN = 7;

interface Props {
  /** Bookable days in the account's zone, inclusive, 'YYYY-MM-DD'. */
  firstDate: string;
  lastDate: string;
  value: string;
  onChange: (date: string) => void;
}

/**
 * A week of days at a time (fits 375 px), with earlier/later buttons: days outside the booking
 * horizon are not offered at all. The chosen day is pressed (aria-pressed).
 */
export function DayPicker({ firstDate, lastDate, value, onChange }: Props) {
  const t = useT();
  const formatDay = useFormatDay();
  const [pageStart, setPageStart] = useState(value >= firstDate ? value : firstDate);
  const days = Array.from({ length: DAYS_SHOWN }, (_, i) => addDays(pageStart, i)).filter((day) => day <= lastDate);
  const earlier = pageStart > firstDate;
  const later = addDays(pageStart, DAYS_SHOWN) <= lastDate;
  const previousStart = addDays(pageStart, -DAYS_SHOWN) < firstDate ? firstDate : addDays(pageStart, -DAYS_SHOWN);
  const rtl = useDirection().dir === 'rtl';
  return (
    <div role="group" aria-label={t('book.day')} className="day-strip">
      <ActionIcon variant="default" size="lg" aria-label={t('book.previousDays')} disabled={!earlier} onClick={() => setPageStart(previousStart)}>
        <span aria-hidden="true">{rtl ? '›' : '‹'}</span>
      </ActionIcon>
      <ul className="day-list">
        {days.map((day) => (
          <li key={day}>
            <Button
              className="day-button"
              variant={day === value ? 'filled' : 'default'}
              aria-pressed={day === value}
              aria-label={formatDay(day, 'long')}
              onClick={() => onChange(day)}
            >
              <span className="day-weekday">{formatDay(day, 'weekday')}</span>
              <span>{formatDay(day, 'dayMonth')}</span>
            </Button>
          </li>
        ))}
      </ul>
      <ActionIcon variant="default" size="lg" aria-label={t('book.nextDays')} disabled={!later} onClick={() => setPageStart(addDays(pageStart, DAYS_SHOWN))}>
        <span aria-hidden="true">{rtl ? '‹' : '›'}</span>
      </ActionIcon>
    </div>
  );
}
