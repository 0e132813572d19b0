import { Temporal } from 'temporal-polyfill';
import { useWindowKeydown } from '../components/use-window-keydown';

interface Props {
  date: string;
  timeZone: string;
  onChange: (date: string) => void;
}

/** Previous / today / next and a date field. Alt+← and Alt+→ step a day from anywhere, Alt+T jumps to today. */
export function DateNavigation({ date, timeZone, onChange }: Props) {
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
  const label = Temporal.PlainDate.from(date).toLocaleString('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
  return (
    <div className="date-nav" role="group" aria-label="Date">
      <button type="button" onClick={() => step(-1)} aria-label="Previous day" title="Previous day (Alt+←)">‹</button>
      <button type="button" onClick={today} title="Today (Alt+T)">Today</button>
      <button type="button" onClick={() => step(1)} aria-label="Next day" title="Next day (Alt+→)">›</button>
      <input
        type="date"
        aria-label="Go to date"
        value={date}
        onChange={(event) => event.target.value && onChange(event.target.value)}
      />
      <span className="date-nav-label" data-testid="board-date">{label}</span>
    </div>
  );
}
