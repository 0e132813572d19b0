import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { Fragment, useCallback, useLayoutEffect, useRef, useState, type CSSProperties, type FocusEvent, type ReactNode } from 'react';

/** What each item's root element must carry: the list measures it and places it. */
export interface VirtualItemProps {
  ref: (node: HTMLElement | null) => void;
  'data-index': number;
  'aria-posinset': number;
  'aria-setsize': number;
  style: CSSProperties;
}

interface Props<T> {
  items: readonly T[];
  itemKey: (item: T) => string;
  /** A typical item's height in px, until it is measured (items may differ and change: each is measured). */
  estimateHeight: number;
  /** Space between items in px. */
  gap: number;
  /** Renders one item, its root element an `li` given `props`. */
  renderItem: (item: T, props: VirtualItemProps) => ReactNode;
  className?: string;
  testId?: string;
}

/** Items rendered beyond the visible ones on each side: Tab and a wheel turn land on something already there. */
const OVERSCAN = 3;

/**
 * A list that puts only the items in view (and a few around them) in the DOM, scrolled by its
 * nearest scrolling ancestor, so it sits in a pane with a header above it as a plain list would.
 * Items are measured, so they may grow (an explanation opened) or differ. The item holding focus
 * stays rendered when scrolled away, so the keyboard never loses its place.
 */
export function VirtualList<T>({ items, itemKey, estimateHeight, gap, renderItem, className, testId }: Props<T>) {
  const listRef = useRef<HTMLUListElement>(null);
  const { scroller, offset } = useScrollParent(listRef);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const focusedIndex = focusedKey === null ? -1 : items.findIndex((item) => itemKey(item) === focusedKey);
  const virtualizer = useVirtualizer<HTMLElement, HTMLElement>({
    count: items.length,
    getScrollElement: () => scroller,
    estimateSize: () => estimateHeight,
    getItemKey: (index) => {
      const item = items[index];
      return item === undefined ? index : itemKey(item);
    },
    gap,
    overscan: OVERSCAN,
    scrollMargin: offset,
    rangeExtractor: useCallback((range: Range) => withIndex(defaultRangeExtractor(range), focusedIndex), [focusedIndex]),
  });
  const onFocus = (event: FocusEvent<HTMLUListElement>) => {
    const index = Number(event.target.closest('[data-index]')?.getAttribute('data-index'));
    const item = items[index];
    if (item !== undefined) setFocusedKey(itemKey(item));
  };
  const onBlur = (event: FocusEvent<HTMLUListElement>) => {
    if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setFocusedKey(null);
  };
  return (
    <ul ref={listRef} className={className} data-testid={testId} style={{ position: 'relative', height: virtualizer.getTotalSize() }} onFocus={onFocus} onBlur={onBlur}>
      {virtualizer.getVirtualItems().map((row) => {
        const item = items[row.index];
        if (item === undefined) return null;
        const props: VirtualItemProps = {
          ref: virtualizer.measureElement,
          'data-index': row.index,
          'aria-posinset': row.index + 1,
          'aria-setsize': items.length,
          style: { position: 'absolute', top: 0, insetInlineStart: 0, width: '100%', transform: `translateY(${row.start - offset}px)` },
        };
        // Keyed here: renderItem returns the `li` itself.
        return <Fragment key={row.key}>{renderItem(item, props)}</Fragment>;
      })}
    </ul>
  );
}

function withIndex(indexes: number[], index: number): number[] {
  if (index < 0 || indexes.includes(index)) return indexes;
  return [...indexes, index].sort((a, b) => a - b);
}

/**
 * The nearest ancestor that scrolls vertically, and how far below the top of its content the list
 * starts (what is above it: a header, tabs). Measured after every render and when the pane is
 * resized, since what is above may change height.
 */
function useScrollParent(listRef: { current: HTMLElement | null }): { scroller: HTMLElement | null; offset: number } {
  const [state, setState] = useState<{ scroller: HTMLElement | null; offset: number }>({ scroller: null, offset: 0 });
  const measure = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const scroller = scrollParent(list);
    const offset = Math.round(list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop);
    setState((previous) => (previous.scroller === scroller && previous.offset === offset ? previous : { scroller, offset }));
  }, [listRef]);
  useLayoutEffect(measure);
  useLayoutEffect(() => {
    if (!state.scroller) return;
    const observer = new ResizeObserver(measure);
    observer.observe(state.scroller);
    return () => observer.disconnect();
  }, [state.scroller, measure]);
  return state;
}

function scrollParent(element: HTMLElement): HTMLElement {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return (document.scrollingElement as HTMLElement | null) ?? document.documentElement;
}
