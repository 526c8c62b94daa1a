/** Admin: the guest rooms as a table; add, change, take out of use and back. */
import { useEffect, useState } from 'react';
import type { Room } from '../../../shared/contract/rooms';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { useRoomsStore } from './rooms-store';
import { ActiveToggle } from '../ui/active-toggle';
import { DataTable, type DataColumn } from '../ui/data-table';
import { ErrorAlert } from '../ui/error-alert';
import { useRowAction } from '../ui/use-row-action';
import { RoomFormDialog } from './room-form-dialog';
import { Page } from '../ui/page';

// eslint-disable-next-line max-lines-per-function -- the rooms table and its form share the screen's state
export function RoomsScreen() {
  const t = useT();
  const f = useFormats();
  const { rooms, loaded, error } = useRoomsStore();
  const [editing, setEditing] = useState<Room | 'new' | null>(null);
  const [showInactive, setShowInactive] = useState(true);
  const { busyKey: busyId, run } = useRowAction<number>();

  useEffect(() => {
    useRoomsStore.getState().load().catch(() => undefined);
  }, []);

  const toggleActive = (room: Room) => {
    const store = useRoomsStore.getState();
    return run(
      room.id,
      () => (room.active ? store.deactivate(room.id) : store.reactivate(room.id)),
      (saved) => t(saved.active ? 'rooms.reactivated' : 'rooms.deactivated', { number: saved.number }),
    );
  };

  const shown = showInactive ? rooms : rooms.filter((r) => r.active);
  const columns: DataColumn<Room>[] = [
    { header: t('rooms.number'), num: true, strong: true, cell: (r) => r.number },
    { header: t('rooms.category'), cell: (r) => r.category },
    { header: t('rooms.capacity'), num: true, cell: (r) => r.capacity },
    { header: t('rooms.rate'), num: true, cell: (r) => f.money(r.nightlyRate) },
    { header: t('rooms.floor'), num: true, cell: (r) => r.floor },
    {
      header: t('rooms.housekeeping'),
      cell: (r) => (
        <>
          <span className={`hk-dot hk-${r.housekeeping}`} aria-hidden="true" /> {t(`hk.${r.housekeeping}`)}
        </>
      ),
    },
    { header: t('rooms.state'), cell: (r) => (r.active ? t('rooms.active') : t('rooms.inactive')) },
  ];

  return (
    <Page
      titleId="rooms-title" title={t('rooms.title')} testId="rooms-screen"
      head={
        <>
          <span className="muted">{t('rooms.count', { n: rooms.filter((r) => r.active).length })}</span>
          <label className="choice push-right">
            <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />
            {t('rooms.showInactive')}
          </label>
          <button type="button" className="button button-primary" onClick={() => setEditing('new')} data-testid="room-add">
            {t('rooms.add')}
          </button>
        </>
      }
    >
      <ErrorAlert error={error} testId="rooms-error" />
      <DataTable
        rows={shown}
        rowTestId={(r) => `rooms-row-${r.number}`}
        inactive={(r) => !r.active}
        columns={columns}
        actionsHeader={t('rooms.actions')}
        actions={(r) => (
          <>
            <button type="button" className="button button-small" onClick={() => setEditing(r)} data-testid={`room-edit-${r.number}`}>
              {t('common.edit')}
            </button>
            <ActiveToggle
              active={r.active}
              busy={busyId === r.id}
              onClick={() => void toggleActive(r)}
              deactivateLabel={t('rooms.deactivate')}
              reactivateLabel={t('rooms.reactivate')}
              testId={`room-${r.active ? 'deactivate' : 'reactivate'}-${r.number}`}
            />
          </>
        )}
      >
        {loaded && rooms.length === 0 ? <p className="muted panel-center">{t('rooms.empty')}</p> : null}
        {!loaded && !error ? <p className="muted panel-center">{t('common.loading')}</p> : null}
      </DataTable>
      {editing ? <RoomFormDialog room={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Page>
  );
}
