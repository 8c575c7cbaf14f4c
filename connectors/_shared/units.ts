/**
 * The administrative units of reference/administrative-units.json, for seed builders (never read at request time:
 * handlers work from the generated seed). 34 provinces from 1/7/2025 and the 63 before, with the merge mapping, and
 * the commune sample of An Giang (invented 5-digit codes, see that file's `source`).
 */
import { readFileSync } from 'node:fs';

export interface ProvinceNew {
  ma: string;
  ten: string;
  formedFrom: string[];
}
export interface ProvinceOld {
  ma: string;
  ten: string;
  mergedInto: string;
}
export interface UnitsVersion<P> {
  version: string;
  validFrom: string;
  validTo: string | null;
  levels: string[];
  provinces: P[];
}
export interface Commune {
  ma: string;
  ten: string;
  loai: 'phuong' | 'xa' | 'dac-khu';
  maTinh: string;
}
export interface AdministrativeUnits {
  source: string;
  current: UnitsVersion<ProvinceNew>;
  before: UnitsVersion<ProvinceOld>;
  communes: Commune[];
}

export function loadAdministrativeUnits(): AdministrativeUnits {
  const raw = JSON.parse(readFileSync(new URL('../../reference/administrative-units.json', import.meta.url), 'utf8'));
  const versions = raw.versions as Array<UnitsVersion<ProvinceNew & ProvinceOld>>;
  const current = versions.find((v) => v.validTo === null);
  const before = versions.find((v) => v.validTo !== null);
  if (!current || !before) throw new Error('administrative-units.json: expected one current and one earlier version');
  return { source: raw.source, current, before, communes: raw.communes['91'] };
}
