/**
 * The desk's printed lists (issue 17 §2; docs/printing.md): the worklists of today (core/desk, the one
 * definition of who arrives, leaves and is in house) with each stay's paper details, and every active
 * room's housekeeping state with who is in it. Read only. The print views and the downtime pack read it.
 */
import { listRooms } from '../../db/queries/room-queries';
import { stayPaperDetails, type StayPaperRow } from '../../db/queries/print-queries';
import type { WorkItem } from '../../shared/contract/desk';
import type { PrintLists, PrintRoom, PrintStay } from '../../shared/contract/print';
import { formatInstant } from '../../shared/time';
import type { CoreDeps } from '../context';
import type { DeskService } from '../desk/desk-service';
import type { SettingsService } from '../settings/settings-service';

export interface PrintService {
  lists(): Promise<PrintLists>;
}

function withDetails(items: readonly WorkItem[], details: ReadonlyMap<number, StayPaperRow>): PrintStay[] {
  return items.map((item) => {
    const d = details.get(item.stayId);
    // A stay the worklists just read exists; were it deleted between the reads, it still prints.
    return {
      ...item,
      category: d?.category ?? '',
      floor: d?.floor ?? 0,
      nights: d?.nights ?? 0,
      price: d?.price ?? 0,
      guestEmail: d?.guestEmail ?? null,
      guestPhone: d?.guestPhone ?? null,
      notes: d?.notes ?? '',
    };
  });
}

/** Every active room, by floor and number, with the worklists' guests in it, leaving and arriving. */
export function housekeepingRooms(rooms: readonly { number: number; floor: number; category: string; housekeeping: PrintRoom['housekeeping'] }[], lists: Pick<PrintLists, 'arrivals' | 'departures' | 'inHouse'>): PrintRoom[] {
  const inHouse = new Map(lists.inHouse.map((s) => [s.roomNumber, s.guestName]));
  const departing = new Set(lists.departures.map((s) => s.roomNumber));
  const arriving = new Map(lists.arrivals.map((s) => [s.roomNumber, s.guestName]));
  return rooms.map((r) => ({
    number: r.number,
    floor: r.floor,
    category: r.category,
    housekeeping: r.housekeeping,
    inHouse: inHouse.get(r.number) ?? null,
    departing: departing.has(r.number),
    arriving: arriving.get(r.number) ?? null,
  }));
}

export function createPrintService(core: CoreDeps, settings: SettingsService, desk: DeskService): PrintService {
  return {
    async lists() {
      const s = settings.get();
      const now = core.clock();
      const work = await desk.worklists();
      const ids = [...new Set([...work.arrivals, ...work.inHouse].map((i) => i.stayId))];
      const details = new Map((await stayPaperDetails(core.db, ids)).map((d) => [d.id, d]));
      const arrivals = withDetails(work.arrivals, details);
      const departures = withDetails(work.departures, details);
      const inHouse = withDetails(work.inHouse, details);
      const rooms = housekeepingRooms(await listRooms(core.db, false), { arrivals, departures, inHouse });
      return { hotelName: s.hotelName, currency: s.currency, today: work.today, printedAt: formatInstant(now, s.timeZone), arrivals, departures, inHouse, rooms };
    },
  };
}
