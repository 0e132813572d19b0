import { bookingStatuses, statusLabel } from '../../../shared/domain/booking-status';
import { PinIcon } from './board-icons';
import './schedule-board.css';

/** Key to the board's colours and markers; the same classes as the booking blocks. */
export function BoardLegend() {
  return (
    <ul className="board-legend" aria-label="Board legend" data-testid="board-legend">
      {bookingStatuses.map((status) => (
        <li key={status} className="board-legend-item">
          <span className={`board-legend-swatch board-status-${status}`} aria-hidden="true" />
          {statusLabel(status)}
        </li>
      ))}
      <li className="board-legend-item">
        <span className="board-review-badge" aria-hidden="true" />
        Needs review
      </li>
      <li className="board-legend-item">
        <PinIcon className="board-legend-pin" />
        Pinned
      </li>
    </ul>
  );
}
