import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react';
import { Temporal } from 'temporal-polyfill';
import type { AppCommand } from '../../shared/contract/context-menu';
import type { WorkOrderRef } from '../../shared/contract/work-order-detail';

export type View = 'board' | 'calendar' | 'map' | 'portal';
/** The side pane's tabs when nothing else is open (features/work-queue). */
export type QueueTab = 'unscheduled' | 'portal' | 'review';
/** The tabs of the Portal view (features/portal-admin). */
export type PortalTab = 'contacts' | 'settings' | 'emails' | 'calendars';

/** A record open in the drawer: a work order, or an account (from an account, contact or asset). */
export type OpenRecord = { kind: 'work-order'; ref: WorkOrderRef } | { kind: 'account'; accountId: string };

export interface Navigation {
  view: View;
  setView: (view: View) => void;
  date: string;
  setDate: (date: string) => void;
  /** The booking selected on the board (also from the map). */
  selectedBookingId: string | null;
  selectBooking: (bookingId: string | null) => void;
  /** The technician the calendar shows (from the palette); undefined: the whole team. */
  calendarTechnicianId: string | undefined;
  showTechnician: (technicianId: string) => void;
  /** The tab of the side pane's work queue (a notification about portal requests opens theirs). */
  queueTab: QueueTab;
  setQueueTab: (tab: QueueTab) => void;
  portalTab: PortalTab;
  setPortalTab: (tab: PortalTab) => void;
  record: OpenRecord | null;
  openRecord: (record: OpenRecord) => void;
  closeRecord: () => void;
  /** Commands from the application menu, the palette and notifications. */
  runCommand: (command: AppCommand) => void;
}

const NavigationContext = createContext<Navigation | null>(null);

interface Props {
  timeZone: string;
  /** Commands that open the shell's own dialogs (settings, sync issues, the palette, sync now). */
  onShellCommand: (command: AppCommand) => void;
  children: (navigation: Navigation) => ReactNode;
}

/** Where the console is: view, day, selection and open record, and the ways to move between them. */
export function NavigationProvider({ timeZone, onShellCommand, children }: Props) {
  const [view, setView] = useState<View>('board');
  const [date, setDate] = useState(() => Temporal.Now.plainDateISO(timeZone).toString());
  const [selectedBookingId, selectBooking] = useState<string | null>(null);
  const [calendarTechnicianId, setCalendarTechnician] = useState<string | undefined>(undefined);
  const [record, setRecord] = useState<OpenRecord | null>(null);
  const [queueTab, setQueueTab] = useState<QueueTab>('unscheduled');
  const [portalTab, setPortalTab] = useState<PortalTab>('contacts');
  const showTechnician = useCallback((id: string) => {
    setCalendarTechnician(id);
    setView('calendar');
  }, []);
  const closeRecord = useCallback(() => setRecord(null), []);
  const runCommand = useCallback(
    (command: AppCommand) => {
      if (command === 'view-board') setView('board');
      else if (command === 'view-calendar') setView('calendar');
      else if (command === 'view-map') setView('map');
      else if (command === 'view-contacts' || command === 'open-portal-settings') {
        setView('portal');
        setPortalTab(command === 'view-contacts' ? 'contacts' : 'settings');
      }
      else if (command === 'go-today') setDate(Temporal.Now.plainDateISO(timeZone).toString());
      else if (command === 'open-portal-requests') {
        setView('board');
        selectBooking(null);
        setQueueTab('portal');
      }
      else onShellCommand(command);
    },
    [timeZone, onShellCommand],
  );
  const value = useMemo<Navigation>(
    () => ({ view, setView, date, setDate, selectedBookingId, selectBooking, calendarTechnicianId, showTechnician, queueTab, setQueueTab, portalTab, setPortalTab, record, openRecord: setRecord, closeRecord, runCommand }),
    [view, date, selectedBookingId, calendarTechnicianId, showTechnician, queueTab, portalTab, record, closeRecord, runCommand],
  );
  return <NavigationContext value={value}>{children(value)}</NavigationContext>;
}

export function useNavigation(): Navigation {
  const value = use(NavigationContext);
  if (!value) throw new Error('useNavigation must be used inside <NavigationProvider>');
  return value;
}
