/**
 * The rooms report (`reports:rooms`, issue 17 §1) for a whole year beside the year before, on the
 * dense hotel (300 rooms, 1 000 000 stays over 10 years), called in process as IPC calls it.
 * Targets: ≤ 100 ms on SQLite, ≤ 200 ms on PostgreSQL (`--postgres`: the dense hotel copied into the
 * benchmarks' private cluster, several minutes the first time). Not yet in `npm run bench`'s table.
 *
 *   npx tsx bench/reports-bench.ts [--postgres] [--calls 15]
 */
import { parseArgs } from 'node:util';
import { createEventBus, type CallContext } from '../core/context';
import { createCore } from '../core/create-core';
import { openDatabase } from '../db/open-database';
import { addDays } from '../shared/time';
import { postgresCopyOf, stopBenchPostgres } from './support/bench-postgres';
import { copyHotelTo, denseHistoryHotel, NOW_MS, scratchDir, TIME_ZONE, TODAY } from './support/hotel-dataset';
import { fmtMs, median, percentile, timeCallsAsync } from './support/stats';

const CTX: CallContext = { actor: { userId: null, username: 'manager', role: 'admin' }, via: 'ipc' };
const TARGET_MS = { sqlite: 100, postgres: 200 };

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { postgres: { type: 'boolean' }, calls: { type: 'string', default: '15' } } });
  const engine = values.postgres ? 'postgres' : 'sqlite';
  const data = await denseHistoryHotel(console.log);
  const db = values.postgres
    ? await openDatabase({ engine: 'postgres', url: await postgresCopyOf(data, console.log) })
    : await openDatabase({ engine: 'sqlite', file: copyHotelTo(data.file, scratchDir('reports')) });
  try {
    const core = await createCore({ db, clock: () => NOW_MS, events: createEventBus() }, { settings: { timeZone: TIME_ZONE } });
    // The last whole year of the hotel's history, and the one before it beside it.
    const input = { period: 'range' as const, from: addDays(TODAY, -365 - 60), to: addDays(TODAY, -61) };
    const first = await core.handlers['reports:rooms'](input, CTX);
    const runs = await timeCallsAsync(Number(values.calls), () => core.handlers['reports:rooms'](input, CTX), 2);
    const p50 = median(runs);
    console.log(
      `rooms report, ${input.from} – ${input.to} beside the year before, ${engine}: p50 ${fmtMs(p50)}, max ${fmtMs(percentile(runs, 100))} ` +
        `(target ≤ ${TARGET_MS[engine]} ms: ${p50 <= TARGET_MS[engine] ? 'met' : 'MISSED'}); ` +
        `${first.current.roomsSold} room-nights sold, occupancy ${(first.current.occupancy * 100).toFixed(1)} %`,
    );
  } finally {
    await db.close();
    if (values.postgres) stopBenchPostgres();
  }
}

await main();
