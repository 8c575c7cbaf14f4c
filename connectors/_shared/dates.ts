/** Calendar helpers for due dates (hẹn trả) that several connectors compute. */

/** `date` plus `n` working days (Monday–Friday; public holidays are not modelled), at 00:00 UTC. */
export function addWorkingDays(date: Date, n: number): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return d;
}
