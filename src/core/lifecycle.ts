/**
 * A generic dossier state machine, pure data + pure functions. Each stateful connector declares its states, the
 * legal moves, the central side's automatic progress (with simulated durations) and how scenarios bend that path.
 * I/O (Redis, BullMQ) lives in src/sync and src/queue; this file only answers "may it move" and "what comes next".
 */
export interface LifecycleState {
  label: string;
  labelEn?: string;
  /** No move leaves a terminal state. */
  terminal?: boolean;
}

export interface AutoStep {
  to: string;
  /** Simulated central-side processing time, in real milliseconds before CLOCK_FACTOR. */
  afterMs: number;
  /**
   * Only on the dossier's first visit to the state: a scenario's one-off detour (one request for more documents;
   * once the province has supplemented them, the normal path resumes instead of looping).
   */
  firstVisitOnly?: boolean;
}

export interface LifecycleDefinition<S extends string = string> {
  /** Name of the status field on the wire (e.g. DEC_STATUS, TrangThai). */
  statusField: string;
  initial: S;
  states: Record<S, LifecycleState>;
  /** Legal moves: from → allowed targets (by either side). */
  moves: Partial<Record<S, S[]>>;
  /** What the central side does on its own from a state, unless a scenario overrides it. */
  auto?: Partial<Record<S, AutoStep>>;
  /** Scenario name → overrides of `auto` (null = stall in that state). */
  scenarios?: Record<string, Partial<Record<S, AutoStep | null>>>;
  /** States the province side (the TTHC system) may move a dossier into through an operation. */
  provinceMoves?: S[];
  /**
   * false: its records are not TTHC dossiers the province reports to DVCQG (a postal order carrying a dossier's papers,
   * numbered by its waybill); reconciliation and the sync-rate KPI leave them out.
   */
  syncsToDvcqg?: boolean;
  /** Builds the result documents when the central side enters a state (e.g. the issued certificate). */
  onEnter?: Partial<Record<S, (dossier: { maHoSo: string; data: Record<string, unknown>; at: Date }) => Record<string, unknown>>>;
}

export function defineLifecycle<S extends string>(def: LifecycleDefinition<S>): LifecycleDefinition<S> {
  for (const [from, targets] of Object.entries(def.moves) as Array<[S, S[]]>) {
    if (!(from in def.states)) throw new Error(`lifecycle: move from unknown state "${from}"`);
    for (const to of targets) if (!(to in def.states)) throw new Error(`lifecycle: move ${from}→${to}: unknown state "${to}"`);
  }
  if (!(def.initial in def.states)) throw new Error(`lifecycle: unknown initial state "${def.initial}"`);
  const checkAuto = (steps: Partial<Record<S, AutoStep | null>> | undefined, where: string) => {
    for (const [from, step] of Object.entries(steps ?? {}) as Array<[S, AutoStep | null]>) {
      if (step && !canMove(def, from, step.to)) throw new Error(`lifecycle: ${where} step ${from}→${step.to} is not a legal move`);
    }
  };
  checkAuto(def.auto, 'auto');
  for (const [name, steps] of Object.entries(def.scenarios ?? {})) checkAuto(steps, `scenario "${name}"`);
  return def;
}

export function canMove<S extends string>(def: LifecycleDefinition<S>, from: S, to: S): boolean {
  if (def.states[from]?.terminal) return false;
  return (def.moves[from] ?? []).includes(to);
}

/**
 * The central side's next automatic step from `status`, taking the dossier's scenario into account.
 * `visits` counts how many times the dossier has entered `status` (1 on the first visit).
 */
export function nextAutoStep<S extends string>(
  def: LifecycleDefinition<S>,
  status: S,
  scenario?: string,
  visits = 1,
): AutoStep | null {
  const override = scenario ? def.scenarios?.[scenario] : undefined;
  if (override && status in override) {
    const step = override[status] ?? null;
    if (!(step?.firstVisitOnly && visits > 1)) return step;
  }
  return def.auto?.[status] ?? null;
}

export function isTerminal<S extends string>(def: LifecycleDefinition<S>, status: S): boolean {
  return !!def.states[status]?.terminal;
}
