/** An injectable clock. Simulated central processing runs `factor` times faster than real time (CLOCK_FACTOR). */
export interface Clock {
  now(): Date;
  /** Real milliseconds to wait for `simulatedMs` of central-side processing. */
  scale(simulatedMs: number): number;
  readonly factor: number;
}

export function systemClock(factor = 1): Clock {
  if (!(factor > 0)) throw new Error('clock factor must be > 0');
  return {
    factor,
    now: () => new Date(),
    scale: (ms) => Math.max(0, Math.round(ms / factor)),
  };
}
