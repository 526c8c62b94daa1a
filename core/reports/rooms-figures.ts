/**
 * The rooms report's arithmetic, pure: from the database's sums per category and day
 * (db/queries/report-queries.ts) to the figures of RoomsFiguresSchema, with the definitions of
 * shared/rules/report-rules.ts. Days are day numbers (days since 1970-01-01, hotel-local).
 */
import type { RoomsStayGroup } from '../../db/queries/report-queries';
import type { RoomsFigures } from '../../shared/contract/reports';
import { ratio, roomRatios, type DateRange } from '../../shared/rules/report-rules';
import { civilFromDayNumber, formatDate } from '../../shared/time';

const DAY_MS = 86_400_000;

export interface FiguresInput {
  range: DateRange;
  fromDay: number;
  days: number;
  /** Rooms in use per category. */
  rooms: ReadonlyMap<string, number>;
  groups: readonly RoomsStayGroup[];
  /** An instant's hotel-local day number (core/reports/zone-offsets.ts). */
  dayOf: (ms: number) => number;
  /** Cancelled and no-show stays due in the period. */
  cancellations: number;
  noShows: number;
  /** Out-of-order nights to take out of "available": category and day number (empty when the setting keeps them in). */
  outOfOrderNights: readonly { category: string; day: number }[];
}

interface CategoryDays {
  avail: number[];
  dSold: number[];
  dRev: number[];
  arr: number[];
  dep: number[];
}

type DayRow = RoomsFigures['byDay'][number];
type CategoryRow = RoomsFigures['byCategory'][number];

export function roomsFigures(f: FiguresInput): RoomsFigures {
  const { grid, arrivalNights, leadMs } = categoryGrid(f);
  const byDay: DayRow[] = Array.from({ length: f.days }, (_, i) => ({
    date: formatDate(civilFromDayNumber(f.fromDay + i)), roomsAvailable: 0, roomsSold: 0, roomRevenue: 0, occupancy: 0, arrivals: 0, departures: 0,
  }));
  const byCategory = [...grid].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([category, g]) => addUp(category, g, byDay));
  for (const day of byDay) {
    day.roomRevenue = Math.round(day.roomRevenue);
    day.occupancy = ratio(day.roomsSold, day.roomsAvailable);
  }
  const sum = (pick: (c: CategoryRow) => number) => byCategory.reduce((n, c) => n + pick(c), 0);
  const totals = { roomsAvailable: sum((c) => c.roomsAvailable), roomsSold: sum((c) => c.roomsSold), roomRevenue: sum((c) => c.roomRevenue) };
  const arrivals = byDay.reduce((n, d) => n + d.arrivals, 0);
  return {
    from: f.range.from, to: f.range.to, days: f.days, ...totals, ...roomRatios(totals),
    arrivals,
    departures: byDay.reduce((n, d) => n + d.departures, 0),
    inHouse: byDay[f.days - 1]?.roomsSold ?? 0,
    cancellations: f.cancellations,
    noShows: f.noShows,
    noShowRate: ratio(f.noShows, arrivals + f.noShows),
    averageLengthOfStay: ratio(arrivalNights, arrivals),
    averageLeadDays: ratio(leadMs, arrivals) / DAY_MS,
    byCategory,
    byDay,
  };
}

/** The database's rows laid out per category and day (every category with rooms or stays). */
function categoryGrid(f: FiguresInput): { grid: Map<string, CategoryDays>; arrivalNights: number; leadMs: number } {
  const zeros = () => new Array<number>(f.days).fill(0);
  const grid = new Map<string, CategoryDays>();
  for (const c of new Set([...f.rooms.keys(), ...f.groups.map((d) => d.category)])) {
    grid.set(c, { avail: new Array<number>(f.days).fill(f.rooms.get(c) ?? 0), dSold: zeros(), dRev: zeros(), arr: zeros(), dep: zeros() });
  }
  let arrivalNights = 0;
  let leadMs = 0;
  const endDay = f.fromDay + f.days;
  for (const d of f.groups) {
    const g = grid.get(d.category)!;
    const [ci, co, n] = [f.dayOf(Number(d.checkinMs)), f.dayOf(Number(d.checkoutMs)), Number(d.stays)];
    // The group's revenue per night: its stays' prices spread evenly over their nights.
    const rate = Number(d.price) / Number(d.nights);
    const a = Math.max(ci, f.fromDay) - f.fromDay;
    const b = Math.min(co, endDay) - f.fromDay;
    if (b > a) {
      g.dSold[a]! += n;
      g.dRev[a]! += rate;
      if (b < f.days) {
        g.dSold[b]! -= n;
        g.dRev[b]! -= rate;
      }
    }
    if (ci >= f.fromDay && ci < endDay) {
      g.arr[ci - f.fromDay]! += n;
      arrivalNights += n * Number(d.nights);
      leadMs += Number(d.leadMs);
    }
    if (co >= f.fromDay && co < endDay) g.dep[co - f.fromDay]! += n;
  }
  for (const n of f.outOfOrderNights) {
    const i = n.day - f.fromDay;
    const g = grid.get(n.category);
    if (g && i >= 0 && i < f.days) g.avail[i]! -= 1;
  }
  return { grid, arrivalNights, leadMs };
}

/** One category's totals; its nights and revenue added into `byDay` (running sums of the day's changes). */
function addUp(category: string, g: CategoryDays, byDay: DayRow[]): CategoryRow {
  let sold = 0;
  let rate = 0;
  const totals = { roomsAvailable: 0, roomsSold: 0, roomRevenue: 0 };
  byDay.forEach((day, i) => {
    sold += g.dSold[i]!;
    rate += g.dRev[i]!;
    day.roomsAvailable += g.avail[i]!;
    day.roomsSold += sold;
    day.roomRevenue += rate;
    day.arrivals += g.arr[i]!;
    day.departures += g.dep[i]!;
    totals.roomsAvailable += g.avail[i]!;
    totals.roomsSold += sold;
    totals.roomRevenue += rate;
  });
  totals.roomRevenue = Math.round(totals.roomRevenue);
  return { category, ...totals, ...roomRatios(totals) };
}
