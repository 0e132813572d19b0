import { Drawer } from '@mantine/core';
import { useNavigation } from '../../app/navigation';
import { useT } from '../../components/use-t';
import { AccountOverviewView } from './account-overview';
import { WorkOrderDetailView } from './work-order-detail';

/** The open record (work order or account) in a drawer at the end of the window (the left in Arabic). */
export function RecordDrawer() {
  const { record, closeRecord } = useNavigation();
  const t = useT();
  return (
    <Drawer
      opened={record !== null}
      onClose={closeRecord}
      // Mantine mirrors it for right-to-left languages: at the reading end either way.
      position="right"
      size={560}
      title={record?.kind === 'account' ? t('account.heading') : t('workOrder.heading')}
      closeButtonProps={{ 'aria-label': t('workOrder.close') }}
      data-testid="record-drawer"
    >
      {record?.kind === 'work-order' && <WorkOrderDetailView workOrderRef={record.ref} />}
      {record?.kind === 'account' && <AccountOverviewView accountId={record.accountId} />}
    </Drawer>
  );
}
