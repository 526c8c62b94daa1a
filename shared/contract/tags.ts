/**
 * The API document's sections, in the hotel's words, declared once: every command names its tags
 * from here (commands.ts's `UndeclaredTags` refuses a tag not declared), and the document lists them
 * in this order with these descriptions: the house's own below, then those a domain's entry of the
 * contract's registry brings (domains.ts `tags`), in the list's order.
 */
import { mergedPart, type MergedPart } from './domains';

const HOUSE_TAGS = {
  'Sign-in': 'Signing in and out with a bearer token, the signed-in user, changing one\'s own password.',
  Stays: 'Guests\' bookings of guest rooms, from check-in to check-out: book, move, change dates, check in and out, cancel. `/bookings` keeps the original booking API\'s paths and field names.',
  'Guest rooms': 'The rooms the hotel sells: number, category, capacity, nightly rate and housekeeping state.',
  'Room blocks': 'Rooms taken out of sale for a period (maintenance, out of order).',
  'Front-desk board': 'Rooms × days with their stays and blocks, as the desk sees them.',
  Users: 'Who may sign in, and with which role: admin (the manager), staff (the desk), client (a guest or partner on the LAN).',
  'Audit log': 'Who did what, when and from where. Append-only.',
  Settings: 'The hotel\'s settings (name, time zone, currency, check-in times, integrations) and the LAN API\'s status.',
  Outbox: 'Messages to the billing and event services, sent after each change and retried until delivered.',
  Cars: 'The hotel\'s cars (`/cars`, `/cars/add`, `/cars/{car_id}` keep the original cars service\'s paths and field names): brand, model, fuel type, mileage, rented out or damaged, plate, seats, daily rate.',
  'Car rentals': 'Cars rented to guests: reserved for dates with no overlap per car, handed out, returned with mileage and damage, cancelled.',
  Stock: 'Things the desk lends or hands out by quantity (extra beds, cots, bikes, parking passes) and their bookings. `/resources/` and `/bookings/` keep the original booking system\'s paths and field names.',
  Exports: 'CSV downloads for spreadsheets and accounting.',
  Health: 'Liveness, for monitoring.',
  Reports: 'Figures for a period beside the same period last year: rooms (occupancy, ADR, RevPAR), appointments, stock and the fleet, for the manager and accounting scripts; each also as CSV.',
  Appointments: 'Appointments of both kinds: a provider (a therapist, a guide) at a date and time, or a service room\'s timeslot. `/api/v1/bookings` keeps the original booking APIs\' paths, bodies and messages. One list, one calendar, one set of statuses.',
  'Service rooms': 'The spa, meeting, consultation and treatment rooms booked by timeslot: browsing (public), rooms and timeslot generation (admin).',
  Imports: 'Guest rooms, service rooms, providers, cars, stock resources and future stays from CSV: a dry run first, then all rows or none (or only the valid ones).',
  Providers: 'Therapists, guides and others booked by date and time: appointment length, working hours, days off, buffer, free times.',
} as const;

type AllTags = typeof HOUSE_TAGS & MergedPart<'tags'>;
export const TAGS = { ...HOUSE_TAGS, ...mergedPart('tags') } as { readonly [K in keyof AllTags]: AllTags[K] };

export type TagName = keyof typeof TAGS;
