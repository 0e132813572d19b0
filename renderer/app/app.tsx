import { Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { AppCommand } from '../../shared/contract/context-menu';
import type { AppInfo } from '../../shared/contract/ipc-contract';
import { useApi } from '../api/api-context';
import { useConsoleEvents } from '../api/use-console-events';
import { QueryState } from '../components/query-state';
import { useT } from '../components/use-t';
import { useWindowKeydown } from '../components/use-window-keydown';
import { BoardPage } from '../features/board/board-page';
import { CalendarPage } from '../features/calendar/calendar-page';
import { MapPage } from '../features/map/map-page';
import { PortalAdminPage } from '../features/portal-admin/portal-admin-page';
import { CommandPalette, openPalette } from '../features/palette/command-palette';
import { RecordDrawer } from '../features/work-order/record-drawer';
import { SettingsDialog } from '../features/settings/settings-dialog';
import { SyncBanner, SyncStateBar } from '../features/sync/sync-banner';
import { SyncIssuesPanel } from '../features/sync/sync-issues-panel';
import { DateNavigation } from './date-navigation';
import { IntlScope } from './intl-scope';
import { LinkRoutes, MenuCommands, useSyncNowCommand } from './shell-commands';
import { NavigationProvider, type View } from './navigation';

const views: readonly View[] = ['board', 'calendar', 'map', 'portal'];

export function App() {
  const api = useApi();
  const t = useT();
  useConsoleEvents();
  const info = useQuery({ queryKey: ['app-info'], queryFn: () => api.getAppInfo({}) });
  return (
    <QueryState query={info} loadingLabel={t('app.opening')}>
      {(appInfo) => (
        // From here on every date and time is shown in the company's operating zone.
        <IntlScope timeZone={appInfo.operatingTimeZone}>
          <Workspace timeZone={appInfo.operatingTimeZone} dataOrigin={appInfo.dataOrigin} />
        </IntlScope>
      )}
    </QueryState>
  );
}

type Overlay = 'settings' | 'sync-issues' | null;

function Workspace({ timeZone, dataOrigin }: { timeZone: string; dataOrigin: AppInfo['dataOrigin'] }) {
  const t = useT();
  const [overlay, setOverlay] = useState<Overlay>(null);
  const closeOverlay = useCallback(() => setOverlay(null), []);
  const openSettings = useCallback(() => setOverlay('settings'), []);
  const openIssues = useCallback(() => setOverlay('sync-issues'), []);
  const syncNow = useSyncNowCommand();
  const onShellCommand = useCallback(
    (command: AppCommand) => {
      if (command === 'open-settings') openSettings();
      else if (command === 'open-sync-issues') openIssues();
      else if (command === 'open-palette') openPalette();
      else if (command === 'sync-now') syncNow();
    },
    [openSettings, openIssues, syncNow],
  );
  useShortcuts(openSettings, openIssues);
  return (
    <NavigationProvider timeZone={timeZone} onShellCommand={onShellCommand}>
      {({ view, setView, date, setDate }) => (
        <div className="app-shell">
          <header className="app-header">
            <h1 className="app-brand">{t('app.name')}</h1>
            <nav className="app-views" aria-label={t('app.views')}>
              {views.map((v) => (
                <Button key={v} variant={view === v ? 'filled' : 'subtle'} className="app-view-tab" size="compact-md" aria-pressed={view === v} onClick={() => setView(v)}>
                  {t(`app.view.${v}`)}
                </Button>
              ))}
            </nav>
            {/* The portal's people and settings have no day to move through. */}
            {view !== 'portal' && <DateNavigation date={date} timeZone={timeZone} onChange={setDate} />}
            <SyncBanner dataOrigin={dataOrigin} onOpenIssues={openIssues} />
            <Button variant="default" size="compact-md" className="app-header-button" onClick={openPalette} title={t('palette.shortcut')} aria-keyshortcuts="Control+K">
              {t('palette.open')}
            </Button>
            <Button variant="default" size="compact-md" className="app-header-button" onClick={openSettings} title={t('app.settingsShortcut')} aria-keyshortcuts="Control+Comma">
              {t('settings.title')}
            </Button>
          </header>
          <SyncStateBar onOpenSettings={openSettings} />
          <main className="app-main">
            {view === 'board' && <BoardPage date={date} timeZone={timeZone} onNavigateDate={setDate} />}
            {view === 'calendar' && <CalendarPage date={date} timeZone={timeZone} />}
            {view === 'map' && <MapPage date={date} timeZone={timeZone} />}
            {view === 'portal' && <PortalAdminPage />}
          </main>
          <SettingsDialog open={overlay === 'settings'} onClose={closeOverlay} onOpenIssues={openIssues} />
          <SyncIssuesPanel open={overlay === 'sync-issues'} onClose={closeOverlay} />
          <CommandPalette />
          <RecordDrawer />
          <LinkRoutes />
          <MenuCommands />
        </div>
      )}
    </NavigationProvider>
  );
}

/** Ctrl+, (⌘, on macOS) opens Settings; Ctrl+Shift+Y opens the refused changes. */
function useShortcuts(openSettings: () => void, openIssues: () => void) {
  useWindowKeydown((event) => {
    const mod = event.ctrlKey || event.metaKey;
    if (!mod || event.altKey) return;
    if (event.key === ',' && !event.shiftKey) openSettings();
    else if (event.shiftKey && event.key.toLowerCase() === 'y') openIssues();
    else return;
    event.preventDefault();
  });
}
