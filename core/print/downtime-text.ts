/** The downtime pack's words, in the hotel's language (settings `locale`). English first; Danish has the same keys. */
const en = {
  title: 'Downtime pack',
  intro: 'Written by Frontdesk so the desk can work on paper while the PC or the power is down. Open a list and print it (Ctrl+P).',
  written: 'Written {at} · {hotel}',
  arrivals: 'Arrivals {date}',
  inHouse: 'In house {date}',
  roomStatus: 'Room status {date}',
  floor: 'Floor {floor}',
  room: 'Room',
  category: 'Category',
  guest: 'Guest',
  guests: 'Pers.',
  arrival: 'Arrival',
  departure: 'Departure',
  nights: 'Nights',
  price: 'Price',
  contact: 'Phone / e-mail',
  state: 'State',
  inHouseCol: 'In house',
  arriving: 'Arriving',
  leaving: 'leaves today',
  overdue: 'overdue',
  done: 'Done',
  empty: 'Nobody on this list.',
  total: 'Total',
  priceNote: 'Price: the stay\'s price; payments are settled in billing.',
  clean: 'Clean',
  dirty: 'Dirty',
  inspected: 'Inspected',
  out_of_order: 'Out of order',
};
export type DowntimeWords = typeof en;

const da: DowntimeWords = {
  title: 'Nødpakke',
  intro: 'Skrevet af Frontdesk, så receptionen kan arbejde på papir, når pc\'en eller strømmen er nede. Åbn en liste og udskriv den (Ctrl+P).',
  written: 'Skrevet {at} · {hotel}',
  arrivals: 'Ankomster {date}',
  inHouse: 'Indlogerede {date}',
  roomStatus: 'Værelsesstatus {date}',
  floor: '{floor}. sal',
  room: 'Værelse',
  category: 'Kategori',
  guest: 'Gæst',
  guests: 'Pers.',
  arrival: 'Ankomst',
  departure: 'Afrejse',
  nights: 'Nætter',
  price: 'Pris',
  contact: 'Telefon / e-mail',
  state: 'Status',
  inHouseCol: 'Indlogeret',
  arriving: 'Ankommer',
  leaving: 'rejser i dag',
  overdue: 'forsinket',
  done: 'Udført',
  empty: 'Ingen på denne liste.',
  total: 'I alt',
  priceNote: 'Pris: opholdets pris; betaling afregnes i fakturering.',
  clean: 'Rent',
  dirty: 'Beskidt',
  inspected: 'Kontrolleret',
  out_of_order: 'Ude af drift',
};

export function downtimeWords(locale: 'da' | 'en'): DowntimeWords {
  return locale === 'da' ? da : en;
}

export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}
