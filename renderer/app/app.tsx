import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Temporal } from 'temporal-polyfill';
import { useApi } from '../api/api-context';
import { QueryState } from '../components/query-state';
import { BoardPage } from '../features/board/board-page';
import { CalendarPage } from '../features/calendar/calendar-page';
import { DateNavigation } from './date-navigation';

type View = 'board' | 'calendar';

export function App() {
  const api = useApi();
  const info = useQuery({ queryKey: ['app-info'], queryFn: () => api.getAppInfo({}) });
  return (
    <QueryState query={info} loadingLabel="Opening the replica…">
      {(appInfo) => <Workspace timeZone={appInfo.operatingTimeZone} dataOrigin={appInfo.dataOrigin} />}
    </QueryState>
  );
}

function Workspace({ timeZone, dataOrigin }: { timeZone: string; dataOrigin: string }) {
  const [view, setView] = useState<View>('board');
  const [date, setDate] = useState(() => Temporal.Now.plainDateISO(timeZone).toString());
  return (
    <div className="app-shell">
      <header className="app-header">
        <h1 className="app-brand">Dispatch Desk</h1>
        <nav className="app-views" aria-label="Views">
          {(['board', 'calendar'] as const).map((v) => (
            <button key={v} type="button" className="app-view-tab" aria-pressed={view === v} onClick={() => setView(v)}>
              {v === 'board' ? 'Schedule board' : 'Calendar'}
            </button>
          ))}
        </nav>
        <DateNavigation date={date} timeZone={timeZone} onChange={setDate} />
        <span className="app-origin" title="Where the data on screen comes from">
          {dataOrigin === 'demo' ? 'Demo data' : dataOrigin === 'hub' ? 'Synced with hub' : 'No data'}
        </span>
      </header>
      <main className="app-main">
        {view === 'board' ? <BoardPage date={date} timeZone={timeZone} /> : <CalendarPage date={date} timeZone={timeZone} />}
      </main>
    </div>
  );
}
