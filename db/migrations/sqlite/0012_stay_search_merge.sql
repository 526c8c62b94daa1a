-- hand-written: the desk's search index (0007, 0011) no longer merges its segments by itself
-- FTS5 writes a new index segment at every COMMIT that changed it and, left to itself, merges them in
-- two ways: a little at a time (automerge), and all at once whenever one level holds 16 segments
-- (crisismerge). Under many small transactions the little merges fall behind, so the all-at-once ones
-- come, each level's sixteen times the last's: on a 1 000 000-stay hotel one COMMIT took 130-160 ms
-- of the host's event loop (docs/benchmarks.md, benchmark 4). From here the engine merges a bounded
-- step in every transaction that writes the index (db/queries/stay-search-index.ts: 'merge', 32
-- pages), which keeps every level short of sixteen; the automatic merges are turned off. The setting
-- is stored in the index's own config table, so it holds for every connection.
INSERT INTO `stay_search` (`stay_search`, `rank`) VALUES ('automerge', 0);
