import { Badge, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { openPortalRequestsQuery } from '../../api/queries';
import { useNavigation, type QueueTab } from '../../app/navigation';
import { useT } from '../../components/use-t';
import { ReviewQueuePane, useReviewQueue } from '../dispatch/review-queue-pane';
import { usePanels } from '../dispatch/side-panels';
import { PortalRequestsPane } from './portal-requests-pane';
import { UnscheduledPane } from './unscheduled-pane';

type TabId = QueueTab;

/** The side pane when no booking is open: unscheduled work orders, the portal inbox and the review queue, as tabs (arrow keys switch). */
export function WorkQueuePane() {
  const api = useApi();
  const t = useT();
  const panels = usePanels();
  // The workspace's, so a notification about portal requests can open their tab.
  const { queueTab: active, setQueueTab: setActive } = useNavigation();
  // Same query as the portal pane: the tab shows how many requests wait without opening it.
  const openRequests = useQuery(openPortalRequestsQuery(api));
  const openCount = openRequests.data?.length;
  const reviewCount = useReviewQueue().data?.length;
  const portalLabel = t('workQueue.portal');
  return (
    <Tabs className="work-queue" value={active} onChange={(value) => value && setActive(value as TabId)} keepMounted={false}>
      <Tabs.List className="pane-tabs" aria-label={t('workQueue.tabs')}>
        <Tabs.Tab value="unscheduled">{t('workQueue.unscheduled')}</Tabs.Tab>
        <Tabs.Tab
          value="portal"
          aria-label={openCount ? t('workQueue.portalWithCount', { count: openCount }) : undefined}
          rightSection={openCount ? <Badge size="sm" variant="light" aria-hidden="true">{openCount}</Badge> : undefined}
        >
          {portalLabel}
        </Tabs.Tab>
        {panels && (
          <Tabs.Tab
            value="review"
            aria-label={reviewCount ? t('workQueue.reviewWithCount', { count: reviewCount }) : undefined}
            rightSection={reviewCount ? <Badge size="sm" variant="light" aria-hidden="true">{reviewCount}</Badge> : undefined}
          >
            {t('workQueue.review')}
          </Tabs.Tab>
        )}
      </Tabs.List>
      <Tabs.Panel value="unscheduled"><UnscheduledPane /></Tabs.Panel>
      <Tabs.Panel value="portal"><PortalRequestsPane /></Tabs.Panel>
      {panels && <Tabs.Panel value="review"><ReviewQueuePane onOpenBooking={(bookingId) => panels.open({ kind: 'booking', bookingId })} /></Tabs.Panel>}
    </Tabs>
  );
}
