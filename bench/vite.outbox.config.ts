/**
 * Benchmark 12's process (bench/support/amqp-outbox-process.ts: the outbox draining to RabbitMQ beside
 * the raw amqplib client) built as `npm run serve`'s server is (vite.server.config.ts), into
 * bench/.cache/outbox-build/, with the export worker the host lends for checkpoints beside it. Built
 * on demand by support/host-build.ts (`OUTBOX_BUILD`), as the benchmarks' host is (vite.host.config.ts).
 */
import { defineConfig } from 'vite';
import { serverBuildConfig } from '../vite.server.config.ts';

export default defineConfig(serverBuildConfig({ outDir: 'bench/.cache/outbox-build', entry: { name: 'amqp-outbox-process', input: 'bench/support/amqp-outbox-process.ts' }, sourcemap: true }));
