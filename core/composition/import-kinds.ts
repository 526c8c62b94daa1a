/**
 * The kinds of import: each one's fields (with the header names guessed in Danish and English), the
 * contract schema its rows are checked against (the same one the desk's create command uses), its
 * natural key (a row whose key is stored already is left unchanged) and the service that saves it.
 * No rule of a domain is written here: the services refuse what the desk would refuse.
 */
import { carPlates, guestRoomNumbers, providerEmails, serviceRoomNames, stayKeys, stockResourceNames } from '../../db/queries/import-queries';
import { CarCreateSchema } from '../../shared/contract/cars';
import { ProviderCreateSchema } from '../../shared/contract/providers';
import { RoomCreateSchema } from '../../shared/contract/rooms';
import { ServiceRoomCreateSchema } from '../../shared/contract/service-rooms';
import { StayCreateSchema } from '../../shared/contract/stays';
import { StockResourceCreateSchema } from '../../shared/contract/stock';
import type { FieldDef, FieldType, ImportKinds } from '../imports/import-kind-def';
import type { CoreServices } from './core-services';

const f = (field: string, type: FieldType, required: boolean, ...headers: string[]): FieldDef => ({ field, type, required, headers: [field, ...headers] });
const noRooms = new Map<number, { id: number; capacity: number }>();
const lowerKey = (v: unknown) => String(v ?? '').trim().toLowerCase();

const DAYS: [string, string, string][] = [
  ['mon', 'monday', 'mandag'], ['tue', 'tuesday', 'tirsdag'], ['wed', 'wednesday', 'onsdag'], ['thu', 'thursday', 'torsdag'],
  ['fri', 'friday', 'fredag'], ['sat', 'saturday', 'lørdag'], ['sun', 'sunday', 'søndag'],
];

export const IMPORT_KIND_DEFS: ImportKinds<CoreServices> = {
  guestRooms: {
    fields: [
      f('number', 'integer', true, 'room', 'room number', 'room no', 'værelse', 'værelsesnummer', 'værelsesnr', 'nr', 'nummer'),
      f('category', 'text', true, 'room type', 'type', 'kategori', 'værelsestype'),
      f('capacity', 'integer', true, 'beds', 'sleeps', 'max guests', 'pladser', 'kapacitet', 'senge', 'personer'),
      f('nightlyRate', 'money', true, 'rate', 'nightly rate', 'price', 'pris', 'pris pr nat', 'nattepris'),
      f('floor', 'integer', true, 'etage', 'sal'),
    ],
    schema: RoomCreateSchema,
    load: async (s) => ({ keys: new Set([...(await guestRoomNumbers(s.deps.db)).keys()].map(String)), rooms: noRooms }),
    keyOf: (i) => String(i.number),
    serviceRefusesRepeat: true,
    save: async (s, input) => await s.rooms.create(input),
  },
  serviceRooms: {
    fields: [
      f('name', 'text', true, 'navn', 'lokale', 'rum'),
      f('roomType', 'text', true, 'type', 'room type', 'rumtype', 'lokaletype'),
      f('description', 'text', false, 'beskrivelse'),
      f('capacity', 'integer', false, 'pladser', 'kapacitet'),
      f('hourlyRate', 'money', false, 'hourly rate', 'rate', 'price', 'timepris', 'pris pr time', 'pris'),
    ],
    schema: ServiceRoomCreateSchema,
    load: async (s) => ({ keys: await serviceRoomNames(s.deps.db), rooms: noRooms }),
    keyOf: (i) => lowerKey(i.name),
    serviceRefusesRepeat: false,
    save: async (s, input) => await s.serviceRooms.create(input),
  },
  providers: {
    fields: [
      f('name', 'text', true, 'navn', 'behandler'),
      f('email', 'text', true, 'e-mail', 'mail', 'email address', 'e-mailadresse'),
      f('appointmentMinutes', 'integer', false, 'minutes', 'length', 'varighed', 'minutter'),
      f('bufferMinutes', 'integer', false, 'buffer', 'pause'),
      f('price', 'money', false, 'pris'),
      ...DAYS.map(([day, en, da]) => f(`hours${day[0]!.toUpperCase()}${day.slice(1)}`, 'hours', false, day, en, da, `${da.slice(0, 3)}`)),
    ],
    schema: ProviderCreateSchema,
    load: async (s) => ({ keys: await providerEmails(s.deps.db), rooms: noRooms }),
    keyOf: (i) => lowerKey(i.email),
    serviceRefusesRepeat: true,
    save: async (s, input) => await s.providers.create(input),
  },
  cars: {
    fields: [
      f('plate', 'text', true, 'registration', 'reg no', 'nummerplade', 'regnr', 'registreringsnummer'),
      f('brand', 'text', true, 'make', 'mærke', 'fabrikat'),
      f('model', 'text', true, 'model'),
      f('fuelType', 'text', true, 'fuel', 'brændstof', 'drivmiddel'),
      f('mileage', 'integer', true, 'km', 'kilometers', 'kilometerstand', 'kmstand'),
      f('seats', 'integer', false, 'sæder', 'pladser'),
      f('dailyRate', 'money', false, 'daily rate', 'rate', 'price', 'dagspris', 'pris'),
      f('notes', 'text', false, 'noter', 'bemærkninger'),
    ],
    schema: CarCreateSchema,
    load: async (s) => ({ keys: await carPlates(s.deps.db), rooms: noRooms }),
    keyOf: (i) => lowerKey(i.plate),
    serviceRefusesRepeat: true,
    save: async (s, input, ctx) => await s.cars.create(input, ctx),
  },
  stockResources: {
    fields: [
      f('name', 'text', true, 'navn', 'ressource', 'resource'),
      f('description', 'text', false, 'beskrivelse'),
      f('totalQuantity', 'integer', true, 'quantity', 'total', 'antal', 'beholdning'),
      f('availableQuantity', 'integer', false, 'available', 'ledige', 'tilgængelige'),
    ],
    schema: StockResourceCreateSchema,
    load: async (s) => ({ keys: await stockResourceNames(s.deps.db), rooms: noRooms }),
    keyOf: (i) => lowerKey(i.name),
    serviceRefusesRepeat: true,
    save: async (s, input, ctx) => await s.stock.create(input, ctx),
  },
  stays: {
    fields: [
      f('room', 'integer', true, 'room number', 'værelse', 'værelsesnummer', 'værelsesnr'),
      f('checkin', 'date', true, 'check-in', 'arrival', 'from', 'ankomst', 'fra'),
      f('checkout', 'date', true, 'check-out', 'departure', 'to', 'afrejse', 'til'),
      f('guestName', 'text', true, 'guest', 'name', 'gæst', 'navn', 'gæstens navn'),
      f('guestEmail', 'text', false, 'email', 'e-mail', 'mail'),
      f('guestPhone', 'text', false, 'phone', 'telefon', 'tlf'),
      f('guests', 'integer', false, 'persons', 'pax', 'antal gæster', 'personer', 'gæster'),
      f('price', 'money', false, 'pris', 'beløb'),
      f('notes', 'text', false, 'noter', 'bemærkninger'),
    ],
    schema: StayCreateSchema,
    load: async (s, nowMs) => ({ keys: await stayKeys(s.deps.db, nowMs), rooms: await guestRoomNumbers(s.deps.db) }),
    keyOf: (i) => `${String(i.roomId)}|${String(i.checkin)}|${String(i.checkout)}|${lowerKey(i.guestName)}`,
    serviceRefusesRepeat: true,
    save: async (s, input, ctx) => await s.stays.create(input, ctx),
  },
};
