/**
 * For the raw anchors (better-sqlite3 with nothing of ours around it): the desk's search index
 * written by the stay's own trigger, as migration 0007 had it, so an anchor indexes each stay as it
 * inserts it and needs nothing before its COMMIT. Since 0011 the engine instead notes the stays and
 * indexes a transaction's stays once, before its COMMIT (db/queries/stay-search-index.ts): what a
 * group commit's savepoints need, while one stay per transaction is cheapest the old way.
 */
import type Database from 'better-sqlite3';

export function indexStaysByTrigger(db: Database.Database): void {
  db.exec(`DROP TRIGGER stay_search_insert;
    CREATE TRIGGER stay_search_insert AFTER INSERT ON stays BEGIN
      INSERT INTO stay_search (rowid, name, email, phone) VALUES (new.id, new.guest_name, coalesce(new.guest_email, ''),
        replace(replace(replace(replace(replace(replace(coalesce(new.guest_phone, ''), ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', ''));
    END`);
}
