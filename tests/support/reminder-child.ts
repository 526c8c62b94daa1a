/**
 * The process the reminder crash test kills: the real host (`createHost`, as `npm run serve` starts
 * it) on the data folder given as argv[2], with the appointment scheduler it runs. It prints `ready`
 * once listening, and `reminder <id>` for each `booking_reminder` the host publishes (after its
 * COMMIT). Run with `node --import tsx tests/support/reminder-child.ts <data dir>`; nothing imports it.
 */
import { writeSync } from 'node:fs';
import { createHost } from '../../core/host';
import { TEST_ADMIN_PASSWORD } from './sessions';

/** A safety net: a child whose parent died without killing it stops by itself. */
const GIVE_UP_AFTER_MS = 60_000;
const say = (line: string) => writeSync(1, `${line}\n`);

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: reminder-child.ts <data dir>');
const host = await createHost({ dataDir, port: 0, worker: false, adminPassword: TEST_ADMIN_PASSWORD, rendererDir: dataDir, settings: { timeZone: 'Europe/Copenhagen' } });
host.core.deps.events.subscribe((event) => {
  if (event.type === 'appointment.reminder') say(`reminder ${event.appointment.id}`);
});
say('ready');
setTimeout(() => process.exit(3), GIVE_UP_AFTER_MS).unref();
setInterval(() => undefined, 1000);
