import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ReferenceData } from '../core/reference.js';
import { nfcDeep } from '../core/text.js';
import { assertValid, type JsonSchema } from './validation.js';

/** A provincial agency today, with the names it had before the 2025 mergers (the appendix uses the old ones). */
export interface Agency {
  id: string;
  name: string;
  kind: 'so' | 'central-local' | 'enterprise' | 'other';
  formerNames: Array<{ name: string; until?: string; note?: string }>;
  source?: string;
}

export interface Assignment {
  lead: string[];
  coordinating: string[];
  note?: string;
  /** The agency names as the source plan wrote them (before the mergers). */
  appendix?: { lead: string[]; coordinating: string[] };
}

export interface ProvinceProfile {
  id: string;
  name: string;
  code?: string;
  source?: string;
  notes?: string[];
  /** Default deadline of every row, yyyy-MM-dd. */
  deadline: string;
  agencies: Agency[];
  /** connector id → who leads and who coordinates it. */
  assignments: Record<string, Assignment>;
}

const ID = { type: 'string', pattern: '^[a-z][a-z0-9-]{1,40}$' };
const NAME = { type: 'string', minLength: 2, maxLength: 200 };
const AGENCY_IDS = { type: 'array', items: ID, maxItems: 10, uniqueItems: true };

export const PROVINCE_PROFILE_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['id', 'name', 'agencies', 'assignments'],
  additionalProperties: false,
  properties: {
    id: ID,
    name: NAME,
    code: { type: 'string', pattern: '^\\d{2}$' },
    source: { type: 'string', maxLength: 1000 },
    notes: { type: 'array', items: { type: 'string', maxLength: 1000 }, maxItems: 20 },
    deadline: { type: 'string', format: 'date' },
    agencies: {
      type: 'array',
      minItems: 1,
      maxItems: 200,
      items: {
        type: 'object',
        required: ['id', 'name'],
        additionalProperties: false,
        properties: {
          id: ID,
          name: NAME,
          kind: { enum: ['so', 'central-local', 'enterprise', 'other'] },
          formerNames: {
            type: 'array',
            maxItems: 10,
            items: {
              type: 'object',
              required: ['name'],
              additionalProperties: false,
              properties: { name: NAME, until: { type: 'string', format: 'date' }, note: { type: 'string', maxLength: 1000 } },
            },
          },
          source: { type: 'string', maxLength: 1000 },
        },
      },
    },
    assignments: {
      type: 'object',
      maxProperties: 200,
      propertyNames: ID,
      additionalProperties: {
        type: 'object',
        required: ['lead'],
        additionalProperties: false,
        properties: { lead: { ...AGENCY_IDS, minItems: 1 }, coordinating: AGENCY_IDS, note: { type: 'string', maxLength: 1000 } },
      },
    },
  },
};

export class ProfileError extends Error {
  override name = 'ProfileError';
}

/**
 * Validates a profile (schema, then cross-references: every assigned agency exists, every connector is one of the
 * reference systems) and fills defaults. Throws the catalog's 400 for schema problems, ProfileError for references.
 */
export function normaliseProfile(raw: unknown, reference: ReferenceData): ProvinceProfile {
  const p = assertValid<ProvinceProfile>(PROVINCE_PROFILE_SCHEMA, nfcDeep(raw));
  const agencyIds = new Set(p.agencies.map((a) => a.id));
  if (agencyIds.size !== p.agencies.length) throw new ProfileError(`${p.id}: agency ids must be unique`);
  const systems = new Map(reference.systems.map((s) => [s.id, s]));
  const assignments: Record<string, Assignment> = {};
  for (const [connector, a] of Object.entries(p.assignments)) {
    if (!systems.has(connector)) throw new ProfileError(`${p.id}: assignments.${connector} is not one of the 24 systems`);
    for (const id of [...a.lead, ...(a.coordinating ?? [])]) {
      if (!agencyIds.has(id)) throw new ProfileError(`${p.id}: assignments.${connector} names unknown agency "${id}"`);
    }
    // An Giang's plan is the reference appendix: keep its wording beside today's agencies.
    const appendix = p.id === 'an-giang' ? systems.get(connector)!.anGiang : undefined;
    assignments[connector] = { lead: a.lead, coordinating: a.coordinating ?? [], ...(a.note ? { note: a.note } : {}), ...(appendix ? { appendix } : {}) };
  }
  return {
    ...p,
    deadline: p.deadline ?? reference.deadline.date,
    agencies: p.agencies.map((a) => ({ ...a, kind: a.kind ?? 'other', formerNames: a.formerNames ?? [] })),
    assignments,
  };
}

/** Reads every *.json / *.yaml / *.yml profile in a directory (sorted, so the result is stable). */
export async function loadProfilesFromDir(dir: string, reference: ReferenceData): Promise<ProvinceProfile[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => /\.(json|ya?ml)$/.test(f)).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: ProvinceProfile[] = [];
  for (const f of files) {
    const text = await readFile(path.join(dir, f), 'utf8');
    try {
      out.push(normaliseProfile(f.endsWith('.json') ? JSON.parse(text) : parseYaml(text), reference));
    } catch (e) {
      const err = e as Error & { messageVi?: string; field?: string };
      throw new ProfileError(`province profile ${f}: ${err.field ? `${err.field}: ` : ''}${err.message}`);
    }
  }
  return out;
}

/** The agencies that lead or coordinate a connector. */
export function agenciesOf(profile: ProvinceProfile, connector: string): { lead: string[]; coordinating: string[] } {
  const a = profile.assignments[connector];
  return { lead: a?.lead ?? [], coordinating: a?.coordinating ?? [] };
}
