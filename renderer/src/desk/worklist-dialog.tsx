/**
 * A worklist opened from the board's counters (by kind, `worklist`: desk-dialogs.tsx): today's
 * arrivals, departures or guests in house, each with what is left to do and the one-click check-in or
 * check-out. Loaded only when a counter is clicked (its own chunk); the list follows live changes
 * while it is open.
 */
import { useEffect } from 'react';
import type { WorkItem } from '../../../shared/contract/desk';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { Dialog } from '../ui/dialog';
import { ErrorAlert } from '../ui/error-alert';
import { toast } from '../stores/toast-store';
import { showStayOnBoard, useWorklistStore, type WorklistName } from './worklist-store';

const TABS: readonly WorklistName[] = ['arrivals', 'departures', 'inHouse'];

export function WorklistDialog({ list, onClose }: { list: WorklistName; onClose(): void }) {
  const t = useT();
  const open = useWorklistStore((s) => s.open);
  const lists = useWorklistStore((s) => s.lists);
  const error = useWorklistStore((s) => s.error);
  const { show } = useWorklistStore.getState();
  useEffect(() => {
    useWorklistStore.getState().show(list);
    return () => useWorklistStore.getState().hide();
  }, [list]);
  if (!open) return null;
  const items = lists?.[open] ?? null;
  return (
    <Dialog title={t(`work.title.${open}`)} onClose={onClose} size="lg" testId="worklist">
      <div className="segmented worklist-tabs" role="tablist" aria-label={t('board.countsLabel')}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={open === name}
            aria-pressed={open === name}
            onClick={() => show(name)}
            data-testid={`worklist-tab-${name}`}
            data-autofocus={open === name ? true : undefined}
          >
            {t(`work.title.${name}`)} <span className="worklist-count">{lists ? lists[name].length : '…'}</span>
          </button>
        ))}
      </div>
      <ErrorAlert error={error} />
      {items === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : items.length === 0 ? (
        <p className="empty" data-testid="worklist-empty">{t(`work.empty.${open}`)}</p>
      ) : (
        <table className="table worklist-table" data-testid={`worklist-${open}`}>
          <thead>
            <tr>
              <th scope="col">{t('work.room')}</th>
              <th scope="col">{t('work.guest')}</th>
              <th scope="col">{t('work.stay')}</th>
              <th scope="col">{t('work.todo')}</th>
              <th scope="col"><span className="visually-hidden">{t('work.checkIn')}</span></th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => <WorkRow key={item.stayId} item={item} />)}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}

function WorkRow({ item }: { item: WorkItem }) {
  const t = useT();
  const f = useFormats();
  const busy = useWorklistStore((s) => s.busy === item.stayId);
  const act = async () => {
    try {
      await useWorklistStore.getState().act(item);
    } catch {
      return; // the store holds the refusal, shown above the list
    }
    const key = item.status === 'booked' ? 'work.done.checkIn' : 'work.done.checkOut';
    toast('success', t(key, { name: item.guestName, room: item.roomNumber }));
  };
  const action = item.todo.includes('check_in') ? 'work.checkIn' : item.todo.includes('check_out') ? 'work.checkOut' : null;
  const notes = item.todo.filter((todo) => todo !== 'check_in' && todo !== 'check_out');
  return (
    <tr data-testid={`work-item-${item.stayId}`}>
      <td className="num">{item.roomNumber}</td>
      <td>
        {item.guestName}
        <div className="muted small">{t('work.guests', { n: item.guests })}</div>
      </td>
      <td>
        {f.shortDate(item.checkinDate)} → {f.shortDate(item.checkoutDate)}
      </td>
      <td>
        {notes.length === 0 ? (
          <span className="muted">{action ? t(action) : t('work.nothingLeft')}</span>
        ) : (
          <ul className="todo-list">
            {notes.map((todo) => (
              <li key={todo} className={`todo todo-${todo}`} data-testid={`todo-${todo}`}>
                {t(`work.todo.${todo}`)}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="actions">
        {action ? (
          <button type="button" className="button button-primary" disabled={busy} aria-busy={busy} onClick={act} data-testid={`work-act-${item.stayId}`}>
            {t(action)}
          </button>
        ) : null}
        <button type="button" className="button" onClick={() => showStayOnBoard(item.stayId, item.checkinDate)} data-testid={`work-show-${item.stayId}`}>
          {t('work.show')}
        </button>
      </td>
    </tr>
  );
}
