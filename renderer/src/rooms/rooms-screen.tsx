/** Admin: the guest rooms as a table; add, change, take out of use and back. */
import { useEffect, useState } from 'react';
import type { Room } from '../../../shared/contract/schemas';
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { useRoomsStore } from './rooms-store';
import { toast } from '../stores/toast-store';
import { ErrorAlert } from '../ui/error-alert';
import { RoomFormDialog } from './room-form-dialog';

export function RoomsScreen() {
  const t = useT();
  const f = useFormats();
  const { rooms, loaded, error } = useRoomsStore();
  const [editing, setEditing] = useState<Room | 'new' | null>(null);
  const [showInactive, setShowInactive] = useState(true);
  const [busyId, setBusyId] = useState<number | null>(null);

  useEffect(() => {
    useRoomsStore.getState().load().catch(() => undefined);
  }, []);

  const toggleActive = async (room: Room) => {
    setBusyId(room.id);
    try {
      const store = useRoomsStore.getState();
      const saved = room.active ? await store.deactivate(room.id) : await store.reactivate(room.id);
      toast('success', t(saved.active ? 'rooms.reactivated' : 'rooms.deactivated', { number: saved.number }));
    } catch (e) {
      toast('error', errorText(e, t));
    } finally {
      setBusyId(null);
    }
  };

  const shown = showInactive ? rooms : rooms.filter((r) => r.active);

  return (
    <section className="screen admin-screen" data-testid="rooms-screen" aria-labelledby="rooms-title">
      <div className="screen-head">
        <h1 id="rooms-title">{t('rooms.title')}</h1>
        <span className="muted">{t('rooms.count', { n: rooms.filter((r) => r.active).length })}</span>
        <label className="choice push-right">
          <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />
          {t('rooms.showInactive')}
        </label>
        <button type="button" className="button button-primary" onClick={() => setEditing('new')} data-testid="room-add">
          {t('rooms.add')}
        </button>
      </div>
      <ErrorAlert error={error} testId="rooms-error" />
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="num">{t('rooms.number')}</th>
              <th scope="col">{t('rooms.category')}</th>
              <th scope="col" className="num">{t('rooms.capacity')}</th>
              <th scope="col" className="num">{t('rooms.rate')}</th>
              <th scope="col" className="num">{t('rooms.floor')}</th>
              <th scope="col">{t('rooms.housekeeping')}</th>
              <th scope="col">{t('rooms.state')}</th>
              <th scope="col" className="actions-col">{t('rooms.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} className={r.active ? '' : 'is-inactive'} data-testid={`rooms-row-${r.number}`}>
                <td className="num strong">{r.number}</td>
                <td>{r.category}</td>
                <td className="num">{r.capacity}</td>
                <td className="num">{f.money(r.nightlyRate)}</td>
                <td className="num">{r.floor}</td>
                <td>
                  <span className={`hk-dot hk-${r.housekeeping}`} aria-hidden="true" /> {t(`hk.${r.housekeeping}`)}
                </td>
                <td>{r.active ? t('rooms.active') : t('rooms.inactive')}</td>
                <td className="actions-col">
                  <button type="button" className="button button-small" onClick={() => setEditing(r)} data-testid={`room-edit-${r.number}`}>
                    {t('common.edit')}
                  </button>
                  <button
                    type="button"
                    className={`button button-small${r.active ? ' button-quiet-danger' : ''}`}
                    disabled={busyId === r.id}
                    onClick={() => void toggleActive(r)}
                    data-testid={`room-${r.active ? 'deactivate' : 'reactivate'}-${r.number}`}
                  >
                    {r.active ? t('rooms.deactivate') : t('rooms.reactivate')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {loaded && rooms.length === 0 ? <p className="muted panel-center">{t('rooms.empty')}</p> : null}
        {!loaded && !error ? <p className="muted panel-center">{t('common.loading')}</p> : null}
      </div>
      {editing ? <RoomFormDialog room={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}
