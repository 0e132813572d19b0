import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { QueryState } from '../../components/query-state';

/** Work orders waiting for a technician, most urgent first. */
export function UnscheduledPane() {
  const api = useApi();
  const query = useQuery({ queryKey: ['unscheduled'], queryFn: () => api.listUnscheduledWorkOrders({}) });
  return (
    <section className="side-pane" aria-labelledby="unscheduled-heading">
      <h2 id="unscheduled-heading">Unscheduled work orders</h2>
      <QueryState query={query} loadingLabel="Loading work orders…">
        {(orders) =>
          orders.length === 0 ? (
            <p className="side-empty">Nothing waiting. Every work order has a technician.</p>
          ) : (
            <ul className="work-order-list" data-testid="unscheduled-list">
              {orders.map((wo) => (
                <li key={wo.id} className="work-order-item" tabIndex={0} aria-label={`${wo.number} ${wo.summary}, ${wo.priority} priority`}>
                  <div className="work-order-line">
                    <strong>{wo.number}</strong>
                    <span className={`priority priority-${wo.priority}`}>{wo.priority}</span>
                  </div>
                  <div>{wo.summary}</div>
                  <div className="muted">
                    {wo.accountName} · {wo.territoryName} · {wo.durationMinutes} min
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
