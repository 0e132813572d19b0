import type { MatchRange } from '../../../shared/contract/search';

/** `text` with the matched stretches in <mark>, so a reader sees why a record was found. */
export function HighlightedText({ text, ranges }: { text: string; ranges: readonly MatchRange[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end + 1)}</mark>);
    at = end + 1;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <bdi>{parts}</bdi>;
}
