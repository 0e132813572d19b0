import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useApi } from '../../api/api-context';
import { openPortalRequestsQuery } from '../../api/queries';
import { PortalRequestsPane } from './portal-requests-pane';
import { UnscheduledPane } from './unscheduled-pane';

const tabs = [
  { id: 'unscheduled', label: 'Unscheduled' },
  { id: 'portal', label: 'Portal requests' },
] as const;
type TabId = (typeof tabs)[number]['id'];

/** The side pane when no booking is open: unscheduled work orders and the portal inbox, as tabs (arrow keys switch). */
export function WorkQueuePane() {
  const api = useApi();
  const [active, setActive] = useState<TabId>('unscheduled');
  // Same query as the portal pane: the tab shows how many requests wait without opening it.
  const openRequests = useQuery(openPortalRequestsQuery(api));
  const openCount = openRequests.data?.length;
  const refs = useRef(new Map<TabId, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.id === active);
    let next: number;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    else return;
    const target = tabs[next];
    if (!target) return;
    event.preventDefault();
    setActive(target.id);
    refs.current.get(target.id)?.focus();
  };
  return (
    <div className="work-queue">
      <div className="pane-tabs" role="tablist" aria-label="Work queues" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              if (el) refs.current.set(t.id, el);
              else refs.current.delete(t.id);
            }}
            type="button"
            role="tab"
            id={`queue-tab-${t.id}`}
            aria-selected={active === t.id}
            aria-controls={`queue-panel-${t.id}`}
            tabIndex={active === t.id ? 0 : -1}
            className="pane-tab"
            aria-label={t.id === 'portal' && openCount ? `${t.label}, ${openCount} open` : undefined}
            onClick={() => setActive(t.id)}
          >
            {t.label}
            {t.id === 'portal' && openCount ? <span className="tab-count" aria-hidden="true">{openCount}</span> : null}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`queue-panel-${active}`} aria-labelledby={`queue-tab-${active}`}>
        {active === 'unscheduled' ? <UnscheduledPane /> : <PortalRequestsPane />}
      </div>
    </div>
  );
}
