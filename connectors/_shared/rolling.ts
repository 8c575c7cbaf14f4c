/**
 * "Rolling" dates: a seed describes the world as of the population's date; lookups of time-sensitive records
 * (inspections, dossiers in progress) move every date forward by the whole days since, so that what is valid, due or
 * overdue stays what the seed intends whenever the simulator runs. Each connector's README says which fields roll.
 */
import { formatDateDmy, formatTimestampCompact } from '../../src/core/identifiers.js';
import { compactToDate } from './dossier-view.js';
import { dmyToIso } from './wire.js';

/** The population's "today" (scripts/population.ts AS_OF); seed builders check they were given this date. */
export const DATA_DATE = '2025-11-01';

const DAY = 86_400_000;

/** Midnight UTC of `now`'s day. */
export const startOfDay = (now: Date): Date => new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);

export const dmyToDate = (dmy: string): Date => new Date(`${dmyToIso(dmy)}T00:00:00Z`);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: Date, to: Date): number => Math.round((to.getTime() - from.getTime()) / DAY);

/** Days the seed's dates move forward today (never backwards). */
export const rollOffset = (now: Date): number => Math.max(0, daysBetween(new Date(`${DATA_DATE}T00:00:00Z`), startOfDay(now)));

export const rollDmy = (dmy: string, days: number): string => formatDateDmy(new Date(dmyToDate(dmy).getTime() + days * DAY));

export const rollCompact = (ts: string, days: number): string => formatTimestampCompact(new Date(compactToDate(ts).getTime() + days * DAY));

/** Throws when a seed builder runs on a population of another date (the rolled dates would be off). */
export function assertDataDate(connectorId: string, asOf: string): void {
  if (asOf !== DATA_DATE) throw new Error(`${connectorId}: DATA_DATE (${DATA_DATE}) must equal the population's asOf (${asOf})`);
}
