/**
 * The printed lists as sheets of paper (issue 17 §2): arrivals, departures and guests in house with
 * their prices, and the housekeeping list, a floor to a page. Their look on paper is print.css.
 */
import type { PrintLists, PrintRoom, PrintStay } from '../../../shared/contract/print';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';

export type StayListName = 'arrivals' | 'departures' | 'inHouse';

function SheetHead({ title, lists }: { title: string; lists: PrintLists }) {
  const t = useT();
  const f = useFormats();
  return (
    <header className="print-head">
      <h2>{title}</h2>
      <p className="print-meta">{t('print.printedAt', { hotel: lists.hotelName, at: f.instant(lists.printedAt) })}</p>
    </header>
  );
}

function contact(s: PrintStay): string {
  return [s.guestPhone, s.guestEmail].filter(Boolean).join(' · ');
}

/** Arrivals, departures or in house: one row a stay, with its price and a box to tick. */
export function StayListSheet({ name, lists }: { name: StayListName; lists: PrintLists }) {
  const t = useT();
  const f = useFormats();
  const stays = lists[name];
  const total = stays.reduce((sum, s) => sum + s.price, 0);
  return (
    <article className="print-sheet" data-testid={`print-sheet-${name}`}>
      <SheetHead title={t(`print.heading.${name}`, { date: f.longDate(lists.today) })} lists={lists} />
      {stays.length === 0 ? (
        <p>{t('print.empty')}</p>
      ) : (
        <table className="print-table">
          <thead>
            <tr>
              <th>{t('print.col.room')}</th>
              <th className="print-wide">{t('print.col.guest')}</th>
              <th>{t('print.col.guests')}</th>
              <th>{t('print.col.arrival')}</th>
              <th>{t('print.col.departure')}</th>
              <th className="num">{t('print.col.nights')}</th>
              <th className="num">{t('print.col.price')}</th>
              <th>{t('print.col.contact')}</th>
              <th>{t('print.col.done')}</th>
            </tr>
          </thead>
          <tbody>
            {stays.map((s) => (
              <tr key={s.stayId}>
                <td>
                  {s.roomNumber} <span className="print-sub">{s.category}</span>
                </td>
                <td>
                  {s.guestName}
                  {s.notes ? <span className="print-sub">{s.notes}</span> : null}
                </td>
                <td>{s.guests}</td>
                <td>{f.shortDate(s.checkinDate)}</td>
                <td>
                  {f.shortDate(s.checkoutDate)}
                  {s.todo.includes('overdue') ? <span className="print-sub">{t('print.overdue')}</span> : null}
                </td>
                <td className="num">{s.nights}</td>
                <td className="num">{f.money(s.price)}</td>
                <td>{contact(s)}</td>
                <td className="print-box" aria-hidden="true" />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={6}>{t('print.count', { n: stays.length })}</td>
              <td className="num">{f.money(total)}</td>
              <td colSpan={2}>{t('print.total')}</td>
            </tr>
          </tfoot>
        </table>
      )}
      <p className="print-note">{t('print.priceNote')}</p>
    </article>
  );
}

function byFloor(rooms: readonly PrintRoom[]): [number, PrintRoom[]][] {
  const floors = new Map<number, PrintRoom[]>();
  for (const r of rooms) floors.set(r.floor, [...(floors.get(r.floor) ?? []), r]);
  return [...floors.entries()].sort((a, b) => a[0] - b[0]);
}

/** The housekeeping list: a page per floor, each room's state and who is in, leaving or arriving. */
export function HousekeepingSheet({ lists }: { lists: PrintLists }) {
  const t = useT();
  const f = useFormats();
  return (
    <div data-testid="print-sheet-housekeeping">
      {byFloor(lists.rooms).map(([floor, rooms]) => (
        <article className="print-sheet print-floor" key={floor} data-testid={`print-floor-${floor}`}>
          <SheetHead title={`${t('print.heading.housekeeping', { date: f.longDate(lists.today) })} · ${t('print.floor', { floor })}`} lists={lists} />
          <table className="print-table">
            <thead>
              <tr>
                <th>{t('print.col.room')}</th>
                <th>{t('print.col.category')}</th>
                <th>{t('print.col.state')}</th>
                <th className="print-wide">{t('print.col.inHouse')}</th>
                <th className="print-wide">{t('print.col.arriving')}</th>
                <th>{t('print.col.done')}</th>
              </tr>
            </thead>
            <tbody>
              {rooms.map((r) => (
                <tr key={r.number}>
                  <td>{r.number}</td>
                  <td>{r.category}</td>
                  <td>{t(`hk.${r.housekeeping}`)}</td>
                  <td>
                    {r.inHouse ?? ''}
                    {r.departing ? <span className="print-sub">{t('print.leaving')}</span> : null}
                  </td>
                  <td>{r.arriving ?? ''}</td>
                  <td className="print-box" aria-hidden="true" />
                </tr>
              ))}
            </tbody>
          </table>
        </article>
      ))}
    </div>
  );
}
