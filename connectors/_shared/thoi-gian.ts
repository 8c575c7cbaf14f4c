/** Date arithmetic on ISO yyyy-MM-dd strings and UTC dates, as the connectors' seeds and deadlines need it. */
const DAY = 86_400_000;

export const isoPlusDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export const isoPlusYears = (iso: string, years: number): string => `${Number(iso.slice(0, 4)) + years}${iso.slice(4, 10)}`;

export const daysBetween = (fromIso: string, toIso: string): number =>
  Math.round((Date.parse(`${toIso.slice(0, 10)}T00:00:00Z`) - Date.parse(`${fromIso.slice(0, 10)}T00:00:00Z`)) / DAY);

/** Whole years of age on a date (both ISO). */
export function ageOn(birthIso: string, onIso: string): number {
  const years = Number(onIso.slice(0, 4)) - Number(birthIso.slice(0, 4));
  return onIso.slice(5, 10) < birthIso.slice(5, 10) ? years - 1 : years;
}

/** `date` plus `n` working days (Monday–Friday; public holidays are not modelled), at midnight UTC. */
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

/** An ISO date at a given time of day (UTC), for seeded timestamps. */
export const isoAt = (iso: string, hour: number, minute: number): Date =>
  new Date(`${iso.slice(0, 10)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
