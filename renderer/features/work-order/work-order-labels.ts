import type { PortalRequest, Priority, WorkOrderStatus } from '../../../shared/domain/entities';
import type { MessageKey } from '../../../shared/i18n/catalogues';

export const workOrderStatusMessages: Record<WorkOrderStatus, MessageKey> = {
  unscheduled: 'workOrder.status.unscheduled',
  scheduled: 'workOrder.status.scheduled',
  in_progress: 'workOrder.status.in_progress',
  completed: 'workOrder.status.completed',
  canceled: 'workOrder.status.canceled',
};

export const priorityMessages: Record<Priority, MessageKey> = {
  low: 'priority.low',
  normal: 'priority.normal',
  high: 'priority.high',
  urgent: 'priority.urgent',
};

export const portalRequestKindMessages: Record<PortalRequest['kind'], MessageKey> = {
  new_booking: 'portalRequest.kind.new_booking',
  reschedule: 'portalRequest.kind.reschedule',
  cancellation: 'portalRequest.kind.cancellation',
  no_slot: 'portalRequest.kind.no_slot',
  low_feedback: 'portalRequest.kind.low_feedback',
};
