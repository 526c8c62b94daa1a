/**
 * The demo hotel's stock: extra beds, baby cots, bikes and parking passes, lent through the desk's
 * handlers (demo-story.ts): beds and cots to guests in house (given back when their stay checks
 * out), bikes for the day, one bike two days overdue, and loans already returned.
 */
import type { Stay } from '../../shared/contract/stays';
import { addDays } from '../../shared/time';
import { demoGuest } from './demo-guests';
import { inTurn, type DemoStory } from './demo-story';

const RESOURCES = [
  { name: 'Extra bed', description: 'Folding bed with linen, for a third guest in a double room', totalQuantity: 6 },
  { name: 'Baby cot', description: 'Travel cot with mattress and linen', totalQuantity: 4 },
  { name: 'Bike', description: 'City bike with lock and basket; due back by the agreed time', totalQuantity: 10 },
  { name: 'Parking pass', description: 'For the hotel’s courtyard; one per car', totalQuantity: 12 },
] as const;

type ResourceName = (typeof RESOURCES)[number]['name'];

export async function seedDemoStock(story: DemoStory, random: () => number): Promise<{ resources: number; loans: number }> {
  const { handlers: h, ctx } = story;
  story.at(-20, '09:00');
  const id = new Map<ResourceName, number>(
    await inTurn(RESOURCES, async (r) => [r.name, (await h['stock:create']({ name: r.name, description: r.description, totalQuantity: r.totalQuantity }, ctx)).id] as const),
  );
  const resource = (name: ResourceName) => id.get(name)!;
  let loans = 0;
  const lend = (input: Parameters<typeof h['stock:book']>[0]) => {
    loans++;
    return h['stock:book'](input, ctx);
  };

  // Guests in house who stay on: beds, cots and parking for their stay.
  const inHouse = (await h['stays:list']({ status: 'checked_in', limit: 1000, offset: 0 }, ctx)).items.filter((s: Stay) => s.checkoutDate > story.today);
  const stays = inHouse.slice(0, 7);
  story.at(-1, '15:00');
  for (const s of stays.slice(0, 2)) await lend({ resourceId: resource('Extra bed'), quantity: 1, stayId: s.id });
  for (const s of stays.slice(2, 4)) await lend({ resourceId: resource('Baby cot'), quantity: 1, stayId: s.id, notes: 'Set up in the room before arrival' });
  for (const s of stays.slice(4, 7)) await lend({ resourceId: resource('Parking pass'), quantity: 1, stayId: s.id });

  // Three days ago: two bikes for the afternoon, back the same evening.
  story.at(-3, '13:00');
  const returned = await lend({ resourceId: resource('Bike'), quantity: 2, guestName: demoGuest(random).name, returnBy: `${dayText(story, -3)}T18:00` });
  story.at(-3, '17:30');
  await h['stock:return']({ id: returned.id }, ctx);

  // The day before yesterday: a bike due back yesterday at check-out time, still out (overdue).
  story.at(-2, '10:00');
  await lend({ resourceId: resource('Bike'), quantity: 1, guestName: demoGuest(random).name, returnBy: dayText(story, -1), notes: 'Promised to bring it back before check-out' });

  // This morning: bikes for the day, due back tomorrow.
  story.at(0, '09:30');
  await lend({ resourceId: resource('Bike'), quantity: 2, guestName: demoGuest(random).name, returnBy: dayText(story, 1) });
  await lend({ resourceId: resource('Bike'), quantity: 1, guestName: demoGuest(random).name, returnBy: dayText(story, 1) });
  story.present();
  return { resources: RESOURCES.length, loans };
}

function dayText(story: DemoStory, day: number): string {
  return addDays(story.today, day);
}
