import { readFile } from 'node:fs/promises';

/** One row of the appendix (reference/ndxp-systems.json, copied from the seeds' Phụ lục). */
export interface ReferenceSystem {
  stt: number;
  id: string;
  name: string;
  owner: string;
  purposes: string[];
  anGiang: { lead: string[]; coordinating: string[] };
  kinds: string[];
  note?: string;
}

export interface ReferenceData {
  source: string;
  deadline: { text: string; date: string };
  interactionKinds: Record<string, string>;
  systems: ReferenceSystem[];
}

export async function loadReference(file: string): Promise<ReferenceData> {
  const data = JSON.parse(await readFile(file, 'utf8')) as ReferenceData;
  if (!Array.isArray(data.systems)) throw new Error(`${file}: "systems" must be an array`);
  return data;
}
