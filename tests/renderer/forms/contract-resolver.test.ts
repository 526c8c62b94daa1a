import { describe, expect, it } from 'vitest';
import { RoomCreateSchema, RoomUpdateSchema } from '../../../shared/contract/rooms';
import { contractResolver } from '../../../renderer/src/forms/contract-resolver';
import { translate, type Lang } from '../../../renderer/src/i18n/translate';
import { roomInput, type RoomFormValues } from '../../../renderer/src/rooms/room-fields';
// The words, installed as main.tsx installs them.
import '../../../renderer/src/composition/dictionaries';

/** Money typed as whole kroner, as the desk's parser reads "950" in DKK. */
const parseMoney = (text: string) => (/^\d+$/.test(text) ? Number(text) * 100 : null);

const aRoomForm = (overrides: Partial<RoomFormValues> = {}): RoomFormValues => ({
  number: '101', category: 'Double', capacity: '2', nightlyRate: '950', floor: '1', housekeeping: 'clean', ...overrides,
});

function roomResolver(lang: Lang, schema: typeof RoomCreateSchema | typeof RoomUpdateSchema = RoomCreateSchema, extra: object = {}) {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);
  return contractResolver<RoomFormValues, unknown>(
    schema,
    (v) => ({ ...roomInput(v, parseMoney), ...extra }),
    () => ({
      number: { label: t('rooms.number') },
      category: { label: t('rooms.category') },
      capacity: { label: t('rooms.capacity') },
      nightlyRate: { label: t('rooms.rate'), badValue: 'validation.money' },
      floor: { label: t('rooms.floor') },
      housekeeping: { label: t('rooms.housekeeping') },
    }),
    () => t,
  );
}

const resolve = (lang: Lang, values: RoomFormValues) => roomResolver(lang)(values);
const messages = async (lang: Lang, values: RoomFormValues) =>
  Object.fromEntries(Object.entries((await resolve(lang, values)).errors).map(([k, e]) => [k, (e as { message: string }).message]));

describe('the room form checked by the contract', () => {
  it('hands the command its input: numbers parsed, the rate in minor units, the category trimmed', async () => {
    const result = await resolve('en', aRoomForm({ category: '  Suite ' }));
    expect(result.errors).toEqual({});
    expect(result.values).toEqual({ number: 101, category: 'Suite', capacity: 2, nightlyRate: 95_000, floor: 1, housekeeping: 'clean' });
  });

  it("says the contract's limits in the desk's language (capacity 1–20 lives in shared/contract/rooms.ts only)", async () => {
    expect(await messages('en', aRoomForm({ capacity: '21' }))).toEqual({ capacity: 'Enter 20 or less' });
    expect(await messages('da', aRoomForm({ capacity: '0' }))).toEqual({ capacity: 'Skriv 1 eller mere' });
    expect(await messages('en', aRoomForm({ category: 'x'.repeat(81) }))).toEqual({ category: 'At most 80 characters' });
  });

  it('calls an empty field required, and text that is no number or amount a bad value', async () => {
    expect(await messages('en', aRoomForm({ category: '   ', number: '' }))).toEqual({ number: 'Number is required', category: 'Category is required' });
    expect(await messages('da', aRoomForm({ floor: 'two', nightlyRate: 'lots' }))).toEqual({
      floor: 'Skriv et helt tal',
      nightlyRate: 'Skriv et beløb som 1195 eller 1.195,50',
    });
  });

  it("checks a change with the update command's schema, which carries the room's id", async () => {
    const result = await roomResolver('en', RoomUpdateSchema, { id: 7 })(aRoomForm());
    expect(result.values).toMatchObject({ id: 7, number: 101 });
  });
});
