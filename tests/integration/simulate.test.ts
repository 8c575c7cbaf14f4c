import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/simulate/simulation.js';

describe('npm run simulate (scripted TTHC system)', () => {
  it('runs end to end with faults injected and reaches a 100% DVCQG sync rate', async () => {
    const progress: number[] = [];
    const { stats, reconciliation } = await runSimulation({ dossiers: 14, faults: true, seed: 7, onProgress: (done) => progress.push(done) });
    expect(stats.errors).toEqual([]);
    expect(stats.finished).toBe(14);
    expect(progress[progress.length - 1]).toBe(14);
    // Faults really happened along the way, and were absorbed.
    expect(stats.receiverFaults).toBeGreaterThan(0);
    expect(stats.deadLettersReplayed).toBeGreaterThan(0);
    expect(stats.dvcqgIllegalRefused).toBeGreaterThan(0);
    expect(stats.dvcqgIdempotentRepeats).toBeGreaterThan(0);
    expect(stats.upstreamErrorsRetried).toBeGreaterThan(0);
    expect(stats.centralRefusals).toBeGreaterThan(0);
    expect(stats.outOfOrder).toBe(0);
    expect(stats.badSignatures).toBe(0);
    // 3 status changes per certificate request (3 → 4 → 5 or 7), each applied once.
    expect(stats.eventsApplied).toBe(14 * 3);
    expect(reconciliation).toMatchObject({ total: 14, synced: 14, rate: 100, missing: 0, mismatched: 0, discrepancies: [] });
    expect(reconciliation.byConnector['ly-lich-tu-phap']).toMatchObject({ total: 14, rate: 100 });
  });
});
