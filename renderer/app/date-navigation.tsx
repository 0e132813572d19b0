import { ActionIcon, Button, Group, TextInput } from '@mantine/core';
import { useIntl } from 'react-intl';
import { Temporal } from 'temporal-polyfill';
import { useT } from '../components/use-t';
import { useWindowKeydown } from '../components/use-window-keydown';

interface Props {
  date: string;
  timeZone: string;
  onChange: (date: string) => void;
}

/** Previous / today / next and a date field. Alt+← and Alt+→ step a day from anywhere, Alt+T jumps to today. */
export function DateNavigation({ date, timeZone, onChange }: Props) {
  const t = useT();
  const { locale } = useIntl();
  const step = (days: number) => onChange(Temporal.PlainDate.from(date).add({ days }).toString());
  const today = () => onChange(Temporal.Now.plainDateISO(timeZone).toString());
  useWindowKeydown((event) => {
    if (!event.altKey) return;
    if (event.key === 'ArrowLeft') step(-1);
    else if (event.key === 'ArrowRight') step(1);
    else if (event.key.toLowerCase() === 't') today();
    else return;
    event.preventDefault();
  });
  // A calendar date, not an instant: no zone to name.
  const label = Temporal.PlainDate.from(date).toLocaleString(locale, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
  return (
    <Group className="date-nav" role="group" aria-label={t('date.group')} gap={4} wrap="nowrap">
      {/* Arrows point back and forward in reading order, so they flip with the direction. */}
      <ActionIcon variant="default" className="date-nav-step" onClick={() => step(-1)} aria-label={t('date.previous')} title={t('date.previousShortcut')}>
        <span className="mantine-rotate-rtl" aria-hidden="true">‹</span>
      </ActionIcon>
      <Button variant="default" size="compact-md" className="date-nav-today" onClick={today} title={t('date.todayShortcut')}>
        {t('date.today')}
      </Button>
      <ActionIcon variant="default" className="date-nav-step" onClick={() => step(1)} aria-label={t('date.next')} title={t('date.nextShortcut')}>
        <span className="mantine-rotate-rtl" aria-hidden="true">›</span>
      </ActionIcon>
      <TextInput
        type="date"
        size="xs"
        className="date-nav-input"
        aria-label={t('date.goTo')}
        value={date}
        onChange={(event) => event.currentTarget.value && onChange(event.currentTarget.value)}
      />
      <span className="date-nav-label" data-testid="board-date">{label}</span>
    </Group>
  );
}
