import { bookingStatuses } from '../../../shared/domain/booking-status';
import type { BoardWords } from './board-format';
import { PinIcon } from './board-icons';
import './schedule-board.css';

/** Key to the board's colours and markers; the same classes as the booking blocks. */
export function BoardLegend({ words }: { words: BoardWords }) {
  return (
    <ul className="board-legend" aria-label={words.legend} data-testid="board-legend">
      {bookingStatuses.map((status) => (
        <li key={status} className="board-legend-item">
          <span className={`board-legend-swatch board-status-${status}`} aria-hidden="true" />
          {words.status[status]}
        </li>
      ))}
      <li className="board-legend-item">
        <span className="board-review-badge" aria-hidden="true" />
        {words.legendNeedsReview}
      </li>
      <li className="board-legend-item">
        <PinIcon className="board-legend-pin" />
        {words.legendPinned}
      </li>
      {(['partly', 'fully', 'over', 'off'] as const).map((level) => (
        <li key={level} className="board-legend-item">
          <span className="board-legend-util" style={{ background: `var(--board-util-${level})` }} aria-hidden="true" />
          {words.utilisation[level]}
        </li>
      ))}
    </ul>
  );
}
