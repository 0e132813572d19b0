import { ActionIcon, Button, Text, useDirection } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { addDays, useFormatDay, useFormatMonths } from '../../i18n/format-visit';
import { useT } from '../../i18n/use-t';

/** A week on a wide screen; five days on a phone, so weekday names stay whole in every language. */
const WIDE_DAYS = 7;
const PHONE_DAYS = 5;

interface Props {
  /** Bookable days in the account's zone, inclusive, 'YYYY-MM-DD'. */
  firstDate: string;
  lastDate: string;
  value: string;
  onChange: (date: string) => void;
}

/**
 * Days a page at a time with earlier/later buttons, the months they span above: days outside the
 * booking horizon are not offered at all. The chosen day is pressed (aria-pressed).
 */
export function DayPicker({ firstDate, lastDate, value, onChange }: Props) {
  const t = useT();
  const formatDay = useFormatDay();
  const formatMonths = useFormatMonths();
  const rtl = useDirection().dir === 'rtl';
  const shown = useMediaQuery('(min-width: 34em)', true) ? WIDE_DAYS : PHONE_DAYS;
  const [pageStart, setPageStart] = useState(value >= firstDate ? value : firstDate);
  const days = Array.from({ length: shown }, (_, i) => addDays(pageStart, i)).filter((day) => day <= lastDate);
  const previousStart = addDays(pageStart, -shown) < firstDate ? firstDate : addDays(pageStart, -shown);
  return (
    <div role="group" aria-labelledby="day-picker-label">
      <div className="day-caption">
        <span id="day-picker-label" className="field-legend">{t('book.day')}</span>
        <Text component="span" size="sm" c="dimmed">{formatMonths(pageStart, days[days.length - 1] ?? pageStart)}</Text>
      </div>
      <div className="day-strip">
        <ActionIcon variant="default" size="lg" aria-label={t('book.previousDays')} disabled={pageStart <= firstDate} onClick={() => setPageStart(previousStart)}>
          <span aria-hidden="true">{rtl ? '›' : '‹'}</span>
        </ActionIcon>
        <ul className="day-list">
          {days.map((day) => (
            <li key={day}>
              <Button className="day-button" variant={day === value ? 'filled' : 'default'} aria-pressed={day === value} aria-label={formatDay(day, 'long')} onClick={() => onChange(day)}>
                <span className="day-weekday">{formatDay(day, 'weekday')}</span>
                <span className="day-number">{formatDay(day, 'day')}</span>
              </Button>
            </li>
          ))}
        </ul>
        <ActionIcon variant="default" size="lg" aria-label={t('book.nextDays')} disabled={addDays(pageStart, shown) > lastDate} onClick={() => setPageStart(addDays(pageStart, shown))}>
          <span aria-hidden="true">{rtl ? '‹' : '›'}</span>
        </ActionIcon>
      </div>
    </div>
  );
}
