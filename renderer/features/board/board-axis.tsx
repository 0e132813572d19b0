import type { BoardFormatters } from './board-format';
import type { HourTicks, TimeScale, TimeWindow } from './board-layout';
import { AXIS_HEIGHT, tickTime, timeToX, visibleTickRange } from './board-layout';

interface TimeAxisProps {
  scale: TimeScale;
  ticks: HourTicks;
  timeWindow: TimeWindow;
  formatters: BoardFormatters;
  multiDay: boolean;
  canvasWidth: number;
  timelineWidth: number;
  nowX: number | null;
  /** Label every this many hours (narrow scales); the first hour of a day is always labelled. */
  labelEveryHours?: number;
}

export function TimeAxis(props: TimeAxisProps) {
  const { scale, ticks, timeWindow, formatters } = props;
  const [first, last] = visibleTickRange(ticks, timeWindow);
  const labels = [];
  for (let i = first; i <= last; i++) {
    const time = tickTime(ticks, i);
    const hour = formatters.hour(time);
    const showDay = props.multiDay && hour === 0;
    if (!showDay && hour % (props.labelEveryHours ?? 1) !== 0) continue;
    labels.push(
      <div
        key={time}
        className={showDay ? 'board-hour board-hour--day-start' : 'board-hour'}
        style={{ insetInlineStart: timeToX(scale, time) }}
        data-testid="board-hour"
        data-time={time}
      >
        {showDay && <span className="board-hour-day">{formatters.day(time)}</span>}
        <span className="board-hour-time">{formatters.time(time)}</span>
      </div>,
    );
  }
  const rangeLabel = formatters.words.timeRange(
    `${formatters.day(scale.rangeStart)} ${formatters.time(scale.rangeStart)}`,
    `${formatters.day(scale.rangeEnd)} ${formatters.time(scale.rangeEnd)}`,
  );
  return (
    <div
      role="row"
      aria-rowindex={1}
      className="board-axis"
      data-testid="board-time-axis"
      style={{ width: props.canvasWidth, height: AXIS_HEIGHT }}
    >
      <div role="columnheader" className="board-corner">
        <span className="board-corner-title">{formatters.words.technicians}</span>
        <span className="board-corner-day">
          {props.multiDay
            ? `${formatters.day(scale.rangeStart)} – ${formatters.day(scale.rangeEnd - 1)}`
            : formatters.day(scale.rangeStart)}
        </span>
      </div>
      <div role="columnheader" aria-label={rangeLabel} className="board-axis-track" style={{ width: props.timelineWidth }}>
        {labels}
        {props.nowX !== null && <div className="board-now-marker" style={{ insetInlineStart: props.nowX }} aria-hidden="true" />}
      </div>
    </div>
  );
}
