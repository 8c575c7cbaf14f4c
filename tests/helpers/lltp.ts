import type { TestSim } from './sim.js';

/** Submits a criminal-record certificate request with the province's own dossier code (the catalog example's applicant). */
export async function submitLltp(t: TestSim, auth: Record<string, string>, maHoSo: string, scenario?: string) {
  const example = t.sim.registry.get('ly-lich-tu-phap')!.operation('nopHoSoLLTP')!.example.body as Record<string, unknown>;
  const res = await t.http.post('/lltp/1.0/nopHoSoLLTP', { ...example, MaHoSoTinh: maHoSo }, {
    headers: { ...auth, 'content-type': 'application/json', ...(scenario ? { 'X-Mock-Scenario': scenario } : {}) },
  });
  if (res.status !== 201) throw new Error(`nopHoSoLLTP ${res.status}: ${JSON.stringify(res.data)}`);
  return res.data as { MaHoSo: string; DEC_STATUS: string };
}
