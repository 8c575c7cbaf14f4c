import type { AxiosInstance } from 'axios';
import { isTerminal, nextAutoStep, type LifecycleDefinition } from '../core/lifecycle.js';
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

/**
 * Liên thông connectors the scripted TTHC system knows how to hand its own dossiers to: the request field that carries
 * the province's dossier code (so every submission is a distinct dossier, not a repeat of the catalog example) and the
 * lifecycle a submission starts.
 */
const LIEN_THONG: Record<string, { field: string; lifecycle: string }> = {
  'ly-lich-tu-phap': { field: 'MaHoSoTinh', lifecycle: 'lltp' },
};

/** The terminal state the central side takes a new dossier to on its own (no province move), or null when it stops short. */
export function finishesOnItsOwn(lc: LifecycleDefinition, scenario?: string): string | null {
  let status = lc.initial;
  const visits = new Map<string, number>();
  for (let i = 0; i < 50; i++) {
    if (isTerminal(lc, status)) return status;
    visits.set(status, (visits.get(status) ?? 0) + 1);
    const step = nextAutoStep(lc, status, scenario, visits.get(status));
    if (!step) return null;
    status = step.to;
  }
  return null;
}

/**
 * A submitter for a connector the simulation can carry to the end, else null. Other stateful connectors need the
 * province to act mid-way (pay a fee, send supplements, sign) or never end on their own: the scripted TTHC system does
 * not play those parts, so driving them would leave dossiers open and the run could not finish.
 */
export function submitterFor(c: LoadedConnector): Submitter | null {
  const known = LIEN_THONG[c.id];
  const lc = known ? c.def.lifecycles?.[known.lifecycle] : undefined;
  const normalEnd = lc ? finishesOnItsOwn(lc) : null;
  const op = c.operations.find((o) => o.def.method === 'POST' && o.example.body && !o.def.path.includes('{'));
  if (!known || !lc || !normalEnd || !op) return null;
  // Scenarios that bend the path to another end of their own (a refusal): injected as faults that still finish.
  const endingScenarios = c.scenarios
    .map((s) => s.name)
    .filter((name) => lc.scenarios?.[name] && ![null, normalEnd].includes(finishesOnItsOwn(lc, name)));
  return {
    connectorId: c.id,
    keepsProvinceCode: true,
    endingScenarios,
    async submit(http, headers, maHoSo) {
      const body = { ...(op.example.body as Record<string, unknown>), [known.field]: maHoSo };
      const res = await http.post(op.def.path, body, { headers: { ...headers, 'content-type': 'application/json' } });
      const data = res.data as Record<string, unknown> | undefined;
      const code = data?.MaHoSo ?? data?.maHoSo;
      return { status: res.status, body: data, ...(typeof code === 'string' ? { maHoSo: code } : {}) };
    },
  };
}
