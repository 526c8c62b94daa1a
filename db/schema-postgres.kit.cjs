// What drizzle-kit reads for the PostgreSQL migrations (drizzle.postgres.config.ts): every table of
// db/schema-postgres.ts as an export of its own, the shape drizzle-kit looks for.
module.exports = require('./schema-postgres.ts').postgresTables;
