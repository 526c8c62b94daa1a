import { defineConfig } from 'drizzle-kit';

/** The PostgreSQL migrations, generated from the same schema as SQLite's (db/schema-postgres.ts). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema-postgres.kit.cjs',
  out: './db/migrations/postgres',
});
