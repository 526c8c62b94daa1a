/**
 * A list's filter as SQL: conditions joined by AND, with their named parameters. Built once per
 * domain (`appointmentWhere`, `stockBookingWhere`, …) and shared by the domain's list query and its
 * CSV export's chunk query (exports/), so the two never filter differently.
 */
export interface SqlFilter {
  clauses: string[];
  params: Record<string, string | number>;
}

export function emptyFilter(): SqlFilter {
  return { clauses: [], params: {} };
}

/** Adds `clause` (naming `@name`) when `value` is given. */
export function addFilter(f: SqlFilter, clause: string, name: string, value: string | number | undefined): void {
  if (value === undefined) return;
  f.clauses.push(clause);
  f.params[name] = value;
}

/** ` WHERE a AND b`, or nothing. */
export function whereClause(f: SqlFilter): string {
  return f.clauses.length ? ` WHERE ${f.clauses.join(' AND ')}` : '';
}
