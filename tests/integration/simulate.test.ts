import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/simulate/simulation.js';

const DRIVEN = ['dien-luc', 'ho-tich', 'lien-thong-thue-dat-dai', 'ly-lich-tu-phap', 'ma-so-ngan-sach', 'nha-o-hinh-thanh-tuong-lai', 'tro-giup-xa-hoi'];

describe('npm run simulate (scripted TTHC system)', () => {
  it('runs end to end with faults injected and reaches a 100% DVCQG sync rate', async () => {
    const progress: number[] = [];
    const { stats, reconciliation } = await runSimulation({ dossiers: 14, faults: true, seed: 7, onProgress: (done) => progress.push(done) });
    expect(stats.errors).toEqual([]);
    expect(stats.finished).toBe(14);
    expect(progress[progress.length - 1]).toBe(14);
    // Spread evenly over every stateful connector it can drive; the postal orders stay out, with the reason.
    expect(Object.keys(stats.byConnector).sort()).toEqual(DRIVEN);
    expect(Object.values(stats.byConnector)).toEqual(DRIVEN.map(() => 2));
    expect(Object.keys(stats.leftOut)).toEqual(['buu-chinh-cong-ich']);
    // The province played its part where the lifecycles wait for it (the same dossiers wait for each seed).
    expect(stats.provinceSteps).toMatchObject({
      'dien-luc kyHopDong 4→5': 1,
      'nha-o-hinh-thanh-tuong-lai capNhatTienDo 9→10': 2,
      'ho-tich boSungHoSo 2→1': 1,
      'lien-thong-thue-dat-dai xacNhanNopTien 04→05': 1,
    });
    expect(stats.withdrawn).toBe(1);
    // Faults really happened along the way, and were absorbed.
    expect(stats.receiverFaults).toBeGreaterThan(0);
    expect(stats.deadLettersReplayed).toBeGreaterThan(0);
    expect(stats.dvcqgIllegalRefused).toBeGreaterThan(0);
    expect(stats.dvcqgIdempotentRepeats).toBeGreaterThan(0);
    expect(stats.upstreamErrorsRetried).toBeGreaterThan(0);
    expect(stats.centralRefusals).toBeGreaterThan(0);
    expect(stats.outOfOrder).toBe(0);
    expect(stats.badSignatures).toBe(0);
    // Every status change the gateway recorded was applied exactly once (at least 3 per dossier).
    expect(stats.eventsApplied).toBe(stats.eventsEmitted);
    expect(stats.eventsEmitted).toBeGreaterThanOrEqual(14 * 3);
    expect(reconciliation).toMatchObject({ total: 14, synced: 14, rate: 100, missing: 0, mismatched: 0, discrepancies: [] });
    for (const c of DRIVEN) expect(reconciliation.byConnector[c]).toMatchObject({ total: 2, rate: 100 });
  });
});
