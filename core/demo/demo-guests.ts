/** Guest names for the demo hotel: mostly Danish, with the international mix a Copenhagen hotel sees. */

export const FIRST_NAMES = [
  'Mette', 'Lars', 'Sofie', 'Anders', 'Freja', 'Mikkel', 'Ida', 'Rasmus', 'Camilla', 'Jens', 'Line', 'Søren',
  'Astrid', 'Christian', 'Karen', 'Mads', 'Emma', 'Henrik', 'Louise', 'Frederik', 'Anna', 'Thomas', 'Julie', 'Peter',
  'Sarah', 'James', 'Laura', 'Michael', 'Giulia', 'Marco', 'Sophie', 'Lukas', 'Élodie', 'Pierre', 'Yuki', 'Hiroshi',
  'Ingrid', 'Olav', 'Agnieszka', 'Piotr', 'Carmen', 'Javier', 'Priya', 'Arjun', 'Chloé', 'Noah', 'Zeynep', 'Björn',
];

export const LAST_NAMES = [
  'Hansen', 'Nielsen', 'Jensen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen',
  'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Møller', 'Poulsen', 'Johansen', 'Knudsen', 'Mortensen',
  'Smith', 'Johnson', 'Brown', 'Müller', 'Schmidt', 'Rossi', 'Bianchi', 'Dubois', 'Martin', 'García', 'Fernández',
  'Kowalski', 'Nowak', 'Tanaka', 'Sato', 'Johansson', 'Lindqvist', 'Berg', 'Haugen', 'Patel', 'Sharma', 'Yılmaz',
];

const MAIL_DOMAINS = ['gmail.com', 'outlook.com', 'mail.dk', 'live.dk', 'yahoo.com', 'icloud.com'];

/** A deterministic pseudo-random generator (mulberry32): the same seed gives the same hotel. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export interface DemoGuest {
  name: string;
  email: string | null;
  phone: string | null;
}

export function demoGuest(random: () => number): DemoGuest {
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  const ascii = (s: string) =>
    s.toLowerCase().replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/ı/g, 'i').normalize('NFD').replace(/[^a-z]/g, '');
  const email = random() < 0.6 ? `${ascii(first)}.${ascii(last)}@${pick(random, MAIL_DOMAINS)}` : null;
  const phone = random() < 0.5 ? `+45 ${String(20_000_000 + Math.floor(random() * 79_999_999)).replace(/(\d{2})(?=\d)/g, '$1 ')}` : null;
  return { name: `${first} ${last}`, email, phone };
}
