/**
 * The storage seam: what the core sees of the database, whichever engine runs underneath. The core
 * never learns which engine it is; only `db/` and its two engine adapters (`engine/sqlite-engine.ts`,
 * `engine/postgres-engine.ts`) do. Why this seam and not a query builder:
 * docs/decisions/0002-one-sql-text-two-engines.md.
 *
 * **Queries take the handle first** (`findStay(db, id)`), as Signal's take `db`. The handle is the
 * database itself: inside a unit of work it runs on that unit's connection and transaction (the unit
 * is found through AsyncLocalStorage), outside one each query is its own short read. So a service
 * writes `await d.db.unit(async () => { check; write })` and every query inside it, however deep,
 * is part of that transaction.
 *
 * **SQL is written once**, in the subset both engines run (docs/decisions/0002…): `?` or `@name`
 * placeholders, `"camelCase"` aliases quoted, 0/1 for truth values. The few places where the engines
 * differ (the desk's full-text search, `json_each`) ask `db.dialect`.
 */

export type Dialect = 'sqlite' | 'postgres';

/** Positional parameters, or one object of named ones (`@name` in the SQL). */
export type SqlParams = unknown[];

export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

export interface Db {
  readonly dialect: Dialect;
  /** The first row, or undefined. */
  get<R = Record<string, unknown>>(sql: string, ...params: SqlParams): Promise<R | undefined>;
  all<R = Record<string, unknown>>(sql: string, ...params: SqlParams): Promise<R[]>;
  /**
   * `all`, each row an array of its values in the SELECT's column order: no object built per row.
   * For a hot path that lays thousands of rows out as columns (the board's ~19 000 stays), where
   * the objects were a sixth of the work on PostgreSQL and a tenth on SQLite (docs/benchmarks.md,
   * "The board on PostgreSQL").
   */
  tuples<R extends readonly unknown[] = unknown[]>(sql: string, ...params: SqlParams): Promise<R[]>;
  run(sql: string, ...params: SqlParams): Promise<RunResult>;
  /**
   * Runs an INSERT into a table with an `id` key and returns the new row's id: SQLite's rowid
   * (cheaper than `RETURNING`), PostgreSQL's `RETURNING id`.
   */
  insert(sql: string, ...params: SqlParams): Promise<number>;
  /**
   * A write whose answer nobody reads (an audit row, a live event, an outbox row). Inside a unit on
   * PostgreSQL it is sent at once and its answer is checked with the unit's next statement or its
   * COMMIT (pipelining: one round trip for several statements), so **its failure fails the whole
   * unit, not only the savepoint it was sent in**: send only writes no rule can refuse. Elsewhere
   * (SQLite, or outside a unit) it is `run`.
   */
  send(sql: string, ...params: SqlParams): Promise<void>;
}

export interface UnitOptions {
  /**
   * PostgreSQL: how many times a unit that failed on a serialization failure, a deadlock or a
   * constraint another transaction won (40001, 40P01, 23505, 23P01) is run again from the start
   * (default 8). A retried unit re-reads everything, so its own checks now see the winner and
   * refuse with the domain's message. SQLite never needs it: one writer at a time.
   * For a unit inside another (a savepoint) there is no retry unless this is given: then the
   * savepoint is rolled back and run again, the outer transaction kept (an import's row).
   */
  retries?: number;
}

/** What `migrationStatus()` answers (read by db/migration-status.ts). */
export interface MigrationStatus {
  /** Rows in the migrations table: the migrations applied so far. */
  applied: number;
  /** This release's migrations (the journal's entries). */
  expected: number;
  /** This release's newest migration's tag (`0002_live_events`). */
  latest: string;
  /** Every migration of this release is applied. */
  current: boolean;
}

export interface Database extends Db {
  /**
   * Runs `fn` as one unit of work: a transaction (BEGIN IMMEDIATE on SQLite), or a SAVEPOINT when
   * called inside another unit (a refusal then rolls back only this part). **No real I/O inside a
   * unit** (no fetch, no timer, no password hashing): on SQLite the unit holds the one writer.
   */
  unit<T>(fn: () => Promise<T>, options?: UnitOptions): Promise<T>;
  /**
   * Runs a read of several queries (a page and its total, the board and its counts). On SQLite it
   * holds the connection for the whole read, so no write lands between its queries; on PostgreSQL
   * each query reads the latest committed data.
   */
  read<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * A write that may share its COMMIT with the other writes of this event-loop turn (group commit:
   * engine/group-commit.ts on SQLite, each in its own SAVEPOINT); on PostgreSQL its own unit.
   * Settles after the COMMIT: an acknowledged write is a committed write.
   */
  write<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Runs `fn` once the outermost unit around this call has committed; dropped if that unit, or the
   * savepoint this call is in, rolls back. Outside a unit, at once. Live events go out this way.
   * With a `key`, only the latest callback of that key that still stands runs (one per key, however
   * many rows a long unit writes: an import's events, core/commit.ts): a unit's memory then does not
   * grow with its rows.
   */
  afterCommit(fn: () => void, key?: string): void;
  /** Whether this call runs inside a unit of work. */
  inUnit(): boolean;
  /**
   * Lends this database's writer to another connection of this process for one long write (the
   * import's worker thread), until the returned function gives it back. SQLite (one writer per
   * file): waits for the unit under way, then this connection's writes wait (asynchronously, never
   * in SQLite's busy handler on the event loop) while its reads go on (engine/writer-gate.ts).
   * PostgreSQL: nothing to lend (many writers); resolves at once.
   */
  lendWriter(): Promise<() => void>;
  /** What /health and the about box say: `SQLite 3.51.3`, `PostgreSQL 15.18`. */
  readonly version: string;
  /** Where the data is, for humans (a file path, or the URL without its password). */
  readonly location: string;
  /** A handle on which long reads (the CSV exports) run, in a worker of their own. */
  readonly exportSource: ExportSource;
  /**
   * Whether other servers may use this database at the same time (PostgreSQL: several `serve`
   * processes behind a load balancer; SQLite: one process owns the file). What must differ per
   * server then (where its API listens) is kept per server (core/settings/settings-service.ts).
   */
  readonly sharedByServers: boolean;
  /**
   * A token that differs whenever the committed data of `tables` (every table, if none are named)
   * may have changed since the last one was read: any write of this connection to one of them, and
   * any commit of another connection to the same data. A read kept and answered again while its
   * token stands (core/read-memo.ts) is then never stale. null where the engine cannot tell without
   * a query of its own, and inside a transaction (what it would read may still roll back): then
   * nothing is kept. SQLite: `PRAGMA data_version` (other connections' commits: the import's worker,
   * another process) with this connection's writes counted by table (engine/write-counts.ts; a
   * write that rolled back counts too, which only costs a rebuild). PostgreSQL: null, since other
   * servers write the same database. Call it inside `read` so the token and the read see one state.
   */
  changeToken(tables?: readonly string[]): Promise<string | null>;
  /** Whether every migration of this release is applied (db/migration-status.ts): one read; `/health/ready` asks it. */
  migrationStatus(): Promise<MigrationStatus>;
  close(): Promise<void>;
}

/** How an export's worker thread reaches the same data (it opens its own connection). */
export type ExportSource = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };
