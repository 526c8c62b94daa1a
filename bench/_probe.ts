import { createEventBus, type CallContext } from '../core/context';
import { createCore } from '../core/create-core';
import { openDatabase } from '../db/open-database';
import { copyHotelTo, denseHistoryHotel, NOW_MS, scratchDir, TIME_ZONE, TODAY } from '../bench/support/hotel-dataset';
const CTX: CallContext = { actor: { userId: null, username: 'desk', role: 'staff' }, via: 'ipc' };
const data = await denseHistoryHotel(console.log);
const file = copyHotelTo(data.file, scratchDir('reports-probe'));
const db = await openDatabase({ engine: 'sqlite', file });
const core = await createCore({ db, clock: () => NOW_MS, events: createEventBus() }, { settings: { timeZone: TIME_ZONE } });
for (let i = 0; i < 6; i++) {
  const t0 = performance.now();
  const r = await core.handlers['reports:rooms']({ period: 'range', from: '2024-01-01', to: '2024-12-31' } as never, CTX);
  console.log((performance.now() - t0).toFixed(1), 'ms', r.current.roomsSold, r.current.occupancy.toFixed(3), r.lastYear.roomsSold, TODAY);
}
await db.close();
