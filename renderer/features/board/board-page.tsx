import { useState } from 'react';
import { IntlScope } from '../../app/intl-scope';
import { DispatchProvider } from '../dispatch/dispatch-context';
import { DispatchWorkspace } from '../dispatch/dispatch-workspace';

interface Props {
  date: string;
  /** The company's operating zone: times are shown in it unless the dispatcher picks another. */
  timeZone: string;
  /** Moves the board to another date (a booking opened from elsewhere). */
  onNavigateDate?: (date: string) => void;
}

/** The dispatcher's day: the board, the side pane, and every action on them (features/dispatch). */
export function BoardPage({ date, timeZone, onNavigateDate }: Props) {
  const [zone, setZone] = useState(timeZone);
  return (
    // Every time on this page in the zone chosen above the board, named wherever it is shown.
    <IntlScope timeZone={zone}>
      <DispatchProvider>
        <DispatchWorkspace date={date} companyZone={timeZone} shownZone={zone} onZone={setZone} onNavigateDate={onNavigateDate} />
      </DispatchProvider>
    </IntlScope>
  );
}
