import type { AxiosInstance } from 'axios';
import type { LoadedConnector } from '../core/registry.js';

/** How the TTHC simulation hands a dossier to one stateful connector; returns the central dossier code. */
export interface Submitter {
  connectorId: string;
  /** Keeps the province's own dossier code (liên thông) — else the central system numbers it. */
  keepsProvinceCode: boolean;
  /** Connector scenarios that still end the dossier (a refusal instead of a result), injected as faults. */
  endingScenarios: string[];
  submit(http: AxiosInstance, headers: Record<string, string>, maHoSo: string): Promise<{ status: number; maHoSo?: string; body: unknown }>;
}

/** Known liên thông fields; any other stateful connector is driven by its first POST operation's catalog example. */
const PROVINCE_CODE_FIELD: Record<string, string> = { 'ly-lich-tu-phap': 'MaHoSoTinh' };
const ENDING_SCENARIOS: Record<string, string[]> = { 'ly-lich-tu-phap': ['reject'] };

export function submitterFor(c: LoadedConnector): Submitter | null {
  if (!Object.keys(c.def.lifecycles ?? {}).length) return null;
  const op = c.operations.find((o) => o.def.method === 'POST' && o.example.body && !o.def.path.includes('{'));
  if (!op) return null;
  const field = PROVINCE_CODE_FIELD[c.id];
  return {
    connectorId: c.id,
    keepsProvinceCode: !!field,
    endingScenarios: ENDING_SCENARIOS[c.id] ?? [],
    async submit(http, headers, maHoSo) {
      const body = { ...(op.example.body as Record<string, unknown>), ...(field ? { [field]: maHoSo } : {}) };
      const res = await http.post(op.def.path, body, { headers: { ...headers, 'content-type': 'application/json' } });
      const data = res.data as Record<string, unknown> | undefined;
      const code = data?.MaHoSo ?? data?.maHoSo;
      return { status: res.status, body: data, ...(typeof code === 'string' ? { maHoSo: code } : {}) };
    },
  };
}
