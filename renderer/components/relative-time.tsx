import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { formatAge, formatInstant } from '../../shared/i18n/format-instant';

/** The current time, re-read every `intervalMs` so relative labels ("2 min. ago") stay true. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * "2 min. ago", with the exact instant (in the company's zone, named) as its tooltip. `now` comes
 * from the list around it, so one timer keeps every age label current.
 */
export function RelativeTime({ at, now, className }: { at: number; now: number; className?: string }) {
  const intl = useIntl();
  return (
    <time className={className} dateTime={new Date(at).toISOString()} title={formatInstant(intl, at)}>
      {formatAge(intl, at, now)}
    </time>
  );
}
