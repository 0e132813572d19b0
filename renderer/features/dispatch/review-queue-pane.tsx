import { Badge, Button, Checkbox, Group, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { memo, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { useIntl } from 'react-intl';
import type { ReviewItem } from '../../../shared/contract/dispatch-contract';
import { formatInstant, formatInstantRange } from '../../../shared/i18n/format-instant';
import { parseBookingExplanation } from '../../../shared/mutations/booking-explanation';
import { useApi } from '../../api/api-context';
import { mutationCall } from '../../api/use-run-mutation';
import { QueryState } from '../../components/query-state';
import { VirtualList, type VirtualItemProps } from '../../components/virtual-list';
import { useStatusLabel } from '../../components/status-label';
import { useT } from '../../components/use-t';
import { acceptBatches } from './accept-batches';
import { moveChange } from './change-recipes';
import { useDispatchActions } from './dispatch-context';
import { CandidateFacts, CandidateReason, ExplanationView } from './explanation-view';

export const reviewQueueKey = ['review-queue'] as const;

export function useReviewQueue() {
  const api = useApi();
  return useQuery({ queryKey: reviewQueueKey, queryFn: () => api.listReviewQueue({}) });
}

/**
 * Automatic assignments awaiting review: each with the engine's stored explanation (every
 * candidate, their travel, why this one won and each other lost); accept one, accept all
 * selected, or override with a ranked alternative and a reason.
 */
export function ReviewQueuePane({ onOpenBooking }: { onOpenBooking: (bookingId: string) => void }) {
  const t = useT();
  const query = useReviewQueue();
  const actions = useDispatchActions();
  // By booking id, not in the items: both must survive an item scrolling out of the DOM.
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [expanded, setExpanded] = useState<ReadonlyMap<string, Expanded>>(() => new Map());
  const [busy, setBusy] = useState(false);
  // Batch after batch; a refused one stops there, and what it and the rest held stays selected.
  const accept = async (items: readonly ReviewItem[]) => {
    setBusy(true);
    try {
      for (const bookings of acceptBatches(items)) {
        const outcome = await actions.apply({ label: t('review.acceptMany', { count: bookings.length }), call: mutationCall('acceptAutoAssignment', { bookings }) });
        if (outcome.status !== 'applied') return;
        setSelected((s) => without(s, bookings.map((b) => b.bookingId)));
      }
    } finally {
      setBusy(false);
    }
  };
  const handlers = useEntryHandlers(setSelected, setExpanded, accept, onOpenBooking);
  return (
    <section className="side-pane" aria-labelledby="review-heading" data-testid="review-queue">
      <Title order={2} id="review-heading" className="side-pane-title">{t('review.heading')}</Title>
      <QueryState query={query} loadingLabel={t('review.loading')}>
        {(items) => {
          if (items.length === 0) return <Text c="dimmed" data-testid="review-empty">{t('review.empty')}</Text>;
          const chosen = items.filter((i) => selected.has(i.bookingId));
          const all = chosen.length === items.length;
          return (
            <>
              <Group justify="space-between" mb="xs">
                <Checkbox
                  label={t('review.selectAll')}
                  checked={all}
                  indeterminate={chosen.length > 0 && !all}
                  onChange={() => setSelected(all ? new Set() : new Set(items.map((i) => i.bookingId)))}
                />
                <Button size="compact-sm" disabled={chosen.length === 0 || busy} onClick={() => void accept(chosen)} data-testid="accept-selected">
                  {t('review.acceptSelected', { count: chosen.length })}
                </Button>
              </Group>
              <VirtualList
                items={items}
                itemKey={(item) => item.bookingId}
                estimateHeight={ESTIMATED_ITEM_HEIGHT}
                gap={8}
                className="review-list"
                testId="review-list"
                renderItem={(item, itemProps) => (
                  <ReviewEntry
                    item={item}
                    itemProps={itemProps}
                    selected={selected.has(item.bookingId)}
                    open={expanded.get(item.bookingId) ?? null}
                    busy={busy}
                    handlers={handlers}
                  />
                )}
              />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

type Expanded = 'why' | 'override';

interface EntryHandlers {
  toggle: (bookingId: string) => void;
  expand: (bookingId: string, open: Expanded | null) => void;
  accept: (item: ReviewItem) => void;
  open: (bookingId: string) => void;
}

/**
 * The same handlers for every item and every render: items are memoised on them, so scrolling
 * (which renders the list again) renders only the items coming into view.
 */
function useEntryHandlers(
  setSelected: Dispatch<SetStateAction<ReadonlySet<string>>>,
  setExpanded: Dispatch<SetStateAction<ReadonlyMap<string, Expanded>>>,
  accept: (items: readonly ReviewItem[]) => Promise<void>,
  onOpenBooking: (bookingId: string) => void,
): EntryHandlers {
  const latest = useRef({ accept, onOpenBooking });
  latest.current = { accept, onOpenBooking };
  return useMemo(
    () => ({
      toggle: (id) => setSelected((s) => toggled(s, id)),
      expand: (id, open) => setExpanded((m) => withExpanded(m, id, open)),
      accept: (item) => void latest.current.accept([item]),
      open: (id) => latest.current.onOpenBooking(id),
    }),
    [setSelected, setExpanded],
  );
}

/** A closed item's height with its engine sentence: only a first guess, every item is measured. */
const ESTIMATED_ITEM_HEIGHT = 150;

function withExpanded(map: ReadonlyMap<string, Expanded>, id: string, open: Expanded | null): ReadonlyMap<string, Expanded> {
  const next = new Map(map);
  if (open) next.set(id, open);
  else next.delete(id);
  return next;
}

function without(set: ReadonlySet<string>, ids: readonly string[]): ReadonlySet<string> {
  const next = new Set(set);
  for (const id of ids) next.delete(id);
  return next;
}

function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}

interface EntryProps {
  item: ReviewItem;
  itemProps: VirtualItemProps;
  selected: boolean;
  /** What is opened below the item (kept by the pane: the item leaves the DOM when scrolled away). */
  open: Expanded | null;
  busy: boolean;
  handlers: EntryHandlers;
}

/** Props unchanged but a new itemProps object with the same place: nothing to render again. */
function sameEntry(a: EntryProps, b: EntryProps): boolean {
  const same = (x: VirtualItemProps, y: VirtualItemProps) =>
    x['data-index'] === y['data-index'] && x['aria-setsize'] === y['aria-setsize'] && x.style.transform === y.style.transform && x.ref === y.ref;
  return a.item === b.item && a.selected === b.selected && a.open === b.open && a.busy === b.busy && a.handlers === b.handlers && same(a.itemProps, b.itemProps);
}

const ReviewEntry = memo(function ReviewEntry({ item, itemProps, selected, open, busy, handlers }: EntryProps) {
  const t = useT();
  const intl = useIntl();
  const statusLabel = useStatusLabel();
  const summary = useMemo(() => parseBookingExplanation(item.explanation)?.summary, [item.explanation]);
  const setOpen = (next: Expanded | null) => handlers.expand(item.bookingId, next);
  const onToggle = () => handlers.toggle(item.bookingId);
  const onAccept = () => handlers.accept(item);
  const onOpen = () => handlers.open(item.bookingId);
  // Only a Scheduled booking can go to another technician (the mutation refuses the rest): say so rather than offer it.
  const overridable = item.status === 'scheduled';
  return (
    <Paper component="li" {...itemProps} withBorder className="work-order-item" data-testid="review-item" data-booking-id={item.bookingId} data-start={item.start} data-status={item.status}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Checkbox checked={selected} onChange={onToggle} aria-label={t('review.select', { reference: item.workOrderNumber })} mt={2} />
        <div className="review-entry-main">
          <div className="work-order-line">
            <Button variant="subtle" size="compact-sm" onClick={onOpen} px={0}>{item.workOrderNumber}</Button>
            <Badge size="sm" variant="light" color="warning">{t('review.awaiting')}</Badge>
          </div>
          <div><bdi>{item.title}</bdi> · <bdi>{item.accountName}</bdi></div>
          <Text size="sm">
            <bdi>{item.resourceName}</bdi> · {formatInstantRange(intl, item.start, item.end)}
          </Text>
          {summary && open !== 'why' && <Text size="xs" c="dimmed" className="engine-sentence">{summary}</Text>}
        </div>
      </Group>
      <Group gap="xs" mt="xs">
        <Button size="compact-sm" onClick={onAccept} disabled={busy} aria-label={t('review.acceptOne', { reference: item.workOrderNumber })}>{t('booking.action.accept')}</Button>
        <Button size="compact-sm" variant="default" onClick={() => setOpen(open === 'why' ? null : 'why')} aria-expanded={open === 'why'}>{t('review.why')}</Button>
        {overridable && <Button size="compact-sm" variant="default" onClick={() => setOpen(open === 'override' ? null : 'override')} aria-expanded={open === 'override'}>{t('review.override')}</Button>}
      </Group>
      {!overridable && <Text size="xs" c="dimmed" mt={4} data-testid="override-closed">{t('review.tooLateToOverride', { status: statusLabel(item.status) })}</Text>}
      {open === 'why' && <ExplanationView explanation={item.explanation} />}
      {open === 'override' && overridable && <Alternatives item={item} onDone={() => setOpen(null)} />}
      <span className="visually-hidden">{formatInstant(intl, item.start)}</span>
    </Paper>
  );
}, sameEntry);

/** The engine's ranking at the booking's time, for overriding its choice with another technician. */
export function Alternatives({ item, onDone }: { item: Pick<ReviewItem, 'bookingId' | 'version' | 'resourceId' | 'start' | 'workOrderNumber'>; onDone: () => void }) {
  const api = useApi();
  const t = useT();
  const intl = useIntl();
  const actions = useDispatchActions();
  const query = useQuery({ queryKey: ['availability', { bookingId: item.bookingId }, 'at', item.start], queryFn: () => api.findAvailability({ target: { bookingId: item.bookingId }, when: { at: item.start } }) });
  const choose = async (resourceId: string, resourceName: string) => {
    const label = t('change.override', { reference: item.workOrderNumber });
    const applied = await actions.applyOrOverride(
      (override) =>
        moveChange({
          label,
          bookingId: item.bookingId,
          version: item.version,
          from: { resourceId: item.resourceId, start: item.start },
          to: { resourceId, start: item.start },
          override,
          call: mutationCall('overrideAutoAssignment', { bookingId: item.bookingId, expectedVersion: item.version, resourceId, reason: override?.reason ?? '', reasonCode: override?.code ?? 'other' }),
        }),
      { describe: t('review.overrideDescribe', { reference: item.workOrderNumber, technician: resourceName, when: formatInstant(intl, item.start) }), alwaysAsk: true },
    );
    if (applied) onDone();
  };
  return (
    <div className="alternatives" data-testid="alternatives">
      <QueryState query={query} loadingLabel={t('availability.loading')}>
        {(result) => {
          const others = result.candidates.filter((c) => c.outcome !== 'excluded' && c.resourceId !== item.resourceId);
          if (others.length === 0) return <Text size="sm" c="dimmed">{t('review.noAlternative')}</Text>;
          return (
            <ol className="candidate-list">
              {others.map((c) => (
                <li key={c.resourceId} className="candidate-item" data-testid="alternative" data-resource-id={c.resourceId}>
                  <Group justify="space-between" wrap="nowrap">
                    <span><Badge size="sm" variant="light" mr={6}>#{c.rank}</Badge><bdi>{c.resourceName}</bdi></span>
                    <Button size="compact-xs" variant="default" onClick={() => void choose(c.resourceId, c.resourceName)} aria-label={t('review.chooseLabel', { technician: c.resourceName })}>{t('review.choose')}</Button>
                  </Group>
                  <CandidateFacts candidate={c} />
                  <div><CandidateReason candidate={c} /></div>
                </li>
              ))}
            </ol>
          );
        }}
      </QueryState>
    </div>
  );
}
