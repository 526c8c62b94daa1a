/**
 * What each report answers (issue 17 §1; docs/reports.md has the definitions and worked examples):
 * a period's figures, by day and by what they are about (a category, a service room or provider, a
 * stock resource, a car), and the same for the same days last year. Money in minor units; ratios
 * as fractions. The commands are in reports.ts.
 */
import { z } from 'zod';
import { DateOutSchema } from './primitives';

const Count = z.number().int();
const Money = z.number().int().meta({ description: 'Minor units (øre, cents): 89500 is 895.00.' });
const Fraction = z.number().meta({ description: 'A fraction: 0.82 is 82 %.' });
const Id = z.number().int();

/** The days a report's figures cover (both inclusive). */
const PeriodSchema = z.object({ from: DateOutSchema, to: DateOutSchema, days: Count });

// ---- rooms ---------------------------------------------------------------------------------------

/** What a day, a category and a whole period share: room-nights, their revenue and occupancy. */
const RoomSalesSchema = z.object({
  /** Room-nights the hotel could sell: rooms in use × days (less out-of-order nights where the setting says so). */
  roomsAvailable: Count,
  /** Room-nights sold: nights of booked, checked-in and checked-out stays in the period. */
  roomsSold: Count,
  /** Each stay's price spread evenly over its nights; the nights in the period counted. */
  roomRevenue: Money,
  occupancy: Fraction,
});
/** …and the rates a category and a period have. */
const RoomRatesSchema = RoomSalesSchema.extend({ adr: Money, revpar: Money });

export const RoomsDaySchema = z.object({ date: DateOutSchema, ...RoomSalesSchema.shape, arrivals: Count, departures: Count });
export const RoomsCategorySchema = z.object({ category: z.string(), ...RoomRatesSchema.shape });
export const RoomsFiguresSchema = z.object({
  ...PeriodSchema.shape,
  ...RoomRatesSchema.shape,
  arrivals: Count,
  departures: Count,
  /** Rooms occupied on the period's last night. */
  inHouse: Count,
  /** Stays due to arrive in the period that were cancelled, or did not show. */
  cancellations: Count,
  noShows: Count,
  /** No-shows ÷ (arrivals + no-shows). */
  noShowRate: Fraction,
  /** Nights per arriving stay. */
  averageLengthOfStay: z.number(),
  /** Days from booking to arrival, per arriving stay. */
  averageLeadDays: z.number(),
  byCategory: z.array(RoomsCategorySchema),
  byDay: z.array(RoomsDaySchema),
});
export type RoomsFigures = z.infer<typeof RoomsFiguresSchema>;
export const RoomsReportSchema = z.object({
  currency: z.string(),
  /** Whether out-of-order rooms left "available" (the setting `reportsOutOfOrderUnavailable`). */
  outOfOrderUnavailable: z.boolean(),
  current: RoomsFiguresSchema,
  /** The same calendar days a year earlier. */
  lastYear: RoomsFiguresSchema,
});
export type RoomsReport = z.infer<typeof RoomsReportSchema>;

// ---- appointments --------------------------------------------------------------------------------

/** Booked time against the time offered: a service room's timeslots (× seats), a provider's working hours. */
const UseSchema = z.object({
  /** Appointments starting in the period (any status). */
  bookings: Count,
  /** Minutes of the appointments that were not cancelled. */
  bookedMinutes: Count,
  /** Minutes offered: the room's timeslots × their seats, or the provider's working hours less days off. */
  availableMinutes: Count,
  /** bookedMinutes ÷ availableMinutes. */
  utilisation: Fraction,
  /** Prices of the paid appointments (seed 003's revenue). */
  revenue: Money,
  noShows: Count,
});
export const AppointmentsResourceSchema = z.object({ kind: z.enum(['room', 'provider']), id: Id, name: z.string(), ...UseSchema.shape });
export const AppointmentsDaySchema = z.object({ date: DateOutSchema, bookings: Count, revenue: Money, noShows: Count });
export const AppointmentsFiguresSchema = z.object({
  ...PeriodSchema.shape,
  ...UseSchema.shape,
  /** The appointments starting in the period, by their status now. */
  byStatus: z.object({ pending: Count, confirmed: Count, cancelled: Count, completed: Count, no_show: Count }),
  /** No-shows ÷ the appointments that were not cancelled. */
  noShowRate: Fraction,
  /** Cancelled appointments that gave money back, and how much. */
  refunds: Count,
  refunded: Money,
  byResource: z.array(AppointmentsResourceSchema),
  byDay: z.array(AppointmentsDaySchema),
});
export type AppointmentsFigures = z.infer<typeof AppointmentsFiguresSchema>;
export const AppointmentsReportSchema = z.object({ currency: z.string(), current: AppointmentsFiguresSchema, lastYear: AppointmentsFiguresSchema });
export type AppointmentsReport = z.infer<typeof AppointmentsReportSchema>;

// ---- stock ---------------------------------------------------------------------------------------

const LoansSchema = z.object({
  /** Loans made in the period (not cancelled). */
  loans: Count,
  /** Their quantities added up. */
  quantityLent: Count,
  /** Quantity × time out, in the period ÷ the quantity owned × the period. */
  utilisation: Fraction,
  /** Loans due back in the period that came back late or are still out past their time. */
  overdue: Count,
});
export const StockResourceSchema = z.object({ id: Id, name: z.string(), totalQuantity: Count, ...LoansSchema.shape });
export const StockDaySchema = z.object({ date: DateOutSchema, loans: Count, utilisation: Fraction });
export const StockFiguresSchema = z.object({
  ...PeriodSchema.shape,
  ...LoansSchema.shape,
  byResource: z.array(StockResourceSchema),
  byDay: z.array(StockDaySchema),
});
export type StockFigures = z.infer<typeof StockFiguresSchema>;
export const StockReportSchema = z.object({ current: StockFiguresSchema, lastYear: StockFiguresSchema });
export type StockReport = z.infer<typeof StockReportSchema>;

// ---- fleet ---------------------------------------------------------------------------------------

const FleetUseSchema = z.object({
  /** Rentals starting in the period (not cancelled). */
  rentals: Count,
  /** Days rented (reserved, out or returned), inside the period. */
  rentedDays: Count,
  /** Cars × days. */
  availableDays: Count,
  /** rentedDays ÷ availableDays. */
  utilisation: Fraction,
  /** Mileage in − mileage out of the rentals returned in the period. */
  kmDriven: Count,
  /** Rentals returned in the period with damage noted. */
  damageReports: Count,
});
export const FleetCarSchema = z.object({ id: Id, name: z.string(), ...FleetUseSchema.shape });
export const FleetDaySchema = z.object({ date: DateOutSchema, carsOut: Count });
export const FleetFiguresSchema = z.object({
  ...PeriodSchema.shape,
  ...FleetUseSchema.shape,
  /** Cars in the fleet at some time of the period. */
  cars: Count,
  byCar: z.array(FleetCarSchema),
  byDay: z.array(FleetDaySchema),
});
export type FleetFigures = z.infer<typeof FleetFiguresSchema>;
export const FleetReportSchema = z.object({ current: FleetFiguresSchema, lastYear: FleetFiguresSchema });
export type FleetReport = z.infer<typeof FleetReportSchema>;
