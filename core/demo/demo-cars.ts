/**
 * The demo hotel's cars and rentals, through the desk's handlers (demo-story.ts): one car out with a
 * guest in house, one back damaged yesterday (and so not to be handed out until repaired), one
 * reserved for a guest arriving, one due to be handed out today, and one rental returned last week.
 * Every fleet change is a message for the event broker, as for any car: with no broker set in
 * Settings they wait in the outbox.
 */
import type { Stay } from '../../shared/contract/stays';
import { addDays } from '../../shared/time';
import { demoGuest } from './demo-guests';
import { inTurn, type DemoStory } from './demo-story';

const CARS = [
  { brand: 'Toyota', model: 'Corolla Touring Sports', fuelType: 'Hybrid', mileage: 24_310, plate: 'CX 41 208', seats: 5, dailyRate: 59_500 },
  { brand: 'Volkswagen', model: 'ID.4', fuelType: 'Electric', mileage: 11_870, plate: 'EL 23 915', seats: 5, dailyRate: 79_500 },
  { brand: 'Škoda', model: 'Octavia Combi', fuelType: 'Diesel', mileage: 58_442, plate: 'BD 77 310', seats: 5, dailyRate: 54_500 },
  { brand: 'Peugeot', model: '208', fuelType: 'Petrol', mileage: 31_095, plate: 'AT 18 662', seats: 5, dailyRate: 39_500 },
  { brand: 'Volvo', model: 'XC40 Recharge', fuelType: 'Electric', mileage: 7_215, plate: 'EV 60 447', seats: 5, dailyRate: 89_500 },
] as const;

export async function seedDemoCars(story: DemoStory, random: () => number): Promise<{ cars: number; rentals: number }> {
  const { handlers: h, ctx, today } = story;
  const day = (n: number) => addDays(today, n);
  story.at(-30, '10:00');
  const [corolla, id4, octavia, peugeot] = (await inTurn(CARS, async (c) => (await h['cars:create']({ ...c, notes: '' }, ctx)).id)) as [number, number, number, number, number];
  let rentals = 0;
  const reserve = async (carId: number, from: number, to: number, who: { stayId: number } | { guestName: string }) => {
    rentals++;
    return (await h['rentals:reserve']({ carId, from: day(from), to: day(to), notes: '', ...who }, ctx)).id;
  };

  // Last week: the Peugeot out for two days and back without a scratch.
  story.at(-8, '09:00');
  const trip = await reserve(peugeot, -7, -5, { guestName: demoGuest(random).name });
  story.at(-7, '09:30');
  await h['rentals:handOut']({ id: trip }, ctx);
  story.at(-5, '11:00');
  await h['rentals:return']({ id: trip, mileage: 31_095 + 214, damage: false }, ctx);

  // The Octavia came back yesterday with a dent: damaged until it is repaired.
  story.at(-5, '08:00');
  const dented = await reserve(octavia, -4, -1, { guestName: demoGuest(random).name });
  story.at(-4, '09:00');
  await h['rentals:handOut']({ id: dented }, ctx);
  story.at(-1, '10:30');
  await h['rentals:return']({ id: dented, mileage: 58_442 + 386, damage: true, damageNote: 'Dent in the rear bumper, reported by the guest' }, ctx);

  // The Corolla is out with a guest in house; the ID.4 waits for a guest arriving in two days.
  const inHouse = (await h['stays:list']({ status: 'checked_in', limit: 1000, offset: 0 }, ctx)).items.filter((s: Stay) => s.checkoutDate > day(1));
  const arriving = (await h['stays:list']({ status: 'booked', from: day(2), to: day(3), limit: 1000, offset: 0 }, ctx)).items.filter((s: Stay) => s.checkinDate === day(2));
  story.at(-2, '14:00');
  const out = await reserve(corolla, -1, 2, inHouse[0] ? { stayId: inHouse[0].id } : { guestName: demoGuest(random).name });
  story.at(-1, '09:15');
  await h['rentals:handOut']({ id: out }, ctx);
  story.at(-1, '12:00');
  await reserve(id4, 2, 5, arriving[0] ? { stayId: arriving[0].id } : { guestName: demoGuest(random).name });
  // Due out today: the desk hands it out when the guest comes down.
  await reserve(peugeot, 0, 1, { guestName: demoGuest(random).name });
  story.present();
  return { cars: CARS.length, rentals };
}
