import { Drawer, useDirection } from '@mantine/core';
import { useNavigation } from '../../app/navigation';
import { useT } from '../../components/use-t';
import { AccountOverviewView } from './account-overview';
import { WorkOrderDetailView } from './work-order-detail';

/** The open record (work order or account) in a drawer at the reading end of the window. */
export function RecordDrawer() {
  const { record, closeRecord } = useNavigation();
  const { dir } = useDirection();
  const t = useT();
  return (
    <Drawer
      opened={record !== null}
      onClose={closeRecord}
      position={dir === 'rtl' ? 'left' : 'right'}
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
