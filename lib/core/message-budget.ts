/** Chrome refuses a message past 64 MiB. A page of rows stays well under it, however long the rows' text is. */
export const MESSAGE_BUDGET_CHARS = 16 * 1024 * 1024;

/** The longest leading run of `rows` whose JSON stays within `budget` characters (always at least one row). */
export function withinBudget<T>(rows: readonly T[], budget = MESSAGE_BUDGET_CHARS): T[] {
  let used = 2;
  for (let i = 0; i < rows.length; i++) {
    used += JSON.stringify(rows[i]).length + 1;
    if (used > budget && i > 0) return rows.slice(0, i);
  }
  return rows.slice();
}

/** A page cut to the budget, with where to continue: after the last row kept when it was cut. */
export function budgetPage<T extends { id?: number }>(page: { rows: T[]; next: number | null }, budget = MESSAGE_BUDGET_CHARS): { rows: T[]; next: number | null } {
  const rows = withinBudget(page.rows, budget);
  return rows.length === page.rows.length ? page : { rows, next: rows.at(-1)?.id ?? null };
}
