import { describe, expect, it } from 'vitest';
import { CONNECTORS } from '../../connectors/index.js';
import { lltpLifecycle } from '../../connectors/ly-lich-tu-phap/index.js';
import { defineLifecycle } from '../../src/core/lifecycle.js';
import { backoffDelay } from '../../src/queue/status-delivery.js';
import { expectedDvcqgStatus, inSync } from '../../src/sync/dvcqg/status-map.js';
import { dvcqgLifecycle, type TrangThaiHoSo } from '../../src/sync/dvcqg/status.js';
import { pushDigest } from '../../src/sync/dvcqg/store.js';
import { sign, verifySignature } from '../../src/sync/webhooks/payload.js';
import { checkWebhookUrl, matches, type Subscription } from '../../src/sync/webhooks/subscriptions.js';

describe('webhook signature', () => {
  const body = '{"maHoSo":"000.00.14.H01-251201-0001","seq":2}';
  it('verifies its own signature and refuses a changed body, another secret or an old timestamp', () => {
    const now = 1_764_590_000;
    const header = sign('a-long-shared-secret-123', body, now);
    expect(header).toMatch(/^t=1764590000,v1=[0-9a-f]{64}$/);
    expect(verifySignature('a-long-shared-secret-123', body, header, 300, now + 10)).toBe(true);
    expect(verifySignature('a-long-shared-secret-123', body.replace('2}', '3}'), header, 300, now)).toBe(false);
    expect(verifySignature('another-secret-0000000', body, header, 300, now)).toBe(false);
    expect(verifySignature('a-long-shared-secret-123', body, header, 300, now + 301)).toBe(false);
    expect(verifySignature('a-long-shared-secret-123', body, 'garbage', 300, now)).toBe(false);
  });
});

describe('backoff with jitter', () => {
  it('doubles each try, keeps half of it fixed and the other half random, and is capped', () => {
    expect(backoffDelay(1, 1000, () => 0)).toBe(500);
    expect(backoffDelay(1, 1000, () => 1)).toBe(1000);
    expect(backoffDelay(4, 1000, () => 0)).toBe(4000);
    expect(backoffDelay(4, 1000, () => 0.999)).toBeLessThanOrEqual(8000);
    expect(backoffDelay(40, 1000, () => 1)).toBe(600_000);
  });
});

describe('webhook URL and filters', () => {
  it('accepts http(s) URLs and names what is wrong with the others', () => {
    expect(checkWebhookUrl('https://tthc.angiang.gov.vn/hooks/ndxp?v=1')).toBe('https://tthc.angiang.gov.vn/hooks/ndxp?v=1');
    for (const bad of ['ftp://x.vn/a', 'https://u:p@x.vn/a', 'https://x.vn/a#f', 'x.vn/a', 'file:///etc/passwd']) {
      expect(() => checkWebhookUrl(bad), bad).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'url' }));
    }
  });
  it('matches connectors and events (dossier.completed = entering a final state)', () => {
    const sub = (connectors: string[], events: Subscription['events']) => ({ connectors, events }) as unknown as Subscription;
    expect(matches(sub([], []), 'ly-lich-tu-phap', true, false)).toBe(true);
    expect(matches(sub(['ho-tich'], []), 'ly-lich-tu-phap', false, false)).toBe(false);
    expect(matches(sub([], ['dossier.completed']), 'ly-lich-tu-phap', false, false)).toBe(false);
    expect(matches(sub([], ['dossier.completed']), 'ly-lich-tu-phap', false, true)).toBe(true);
    expect(matches(sub([], ['dossier.created']), 'ly-lich-tu-phap', false, true)).toBe(false);
  });
});

describe('DVCQG status implied by a central state', () => {
  it('maps lý lịch tư pháp explicitly and any other lifecycle from its shape and labels', () => {
    expect(['3', '4', '5', '7'].map((s) => expectedDvcqgStatus('ly-lich-tu-phap', lltpLifecycle, s))).toEqual(['4', '4', '9', '8']);
    const hoTich = defineLifecycle({
      statusField: 'TrangThai', initial: '1',
      states: { '1': { label: 'Đã tiếp nhận' }, '2': { label: 'Yêu cầu bổ sung hồ sơ' }, '3': { label: 'Đủ điều kiện' }, '4': { label: 'Đã đăng ký', terminal: true }, '0': { label: 'Lỗi', terminal: true } },
      moves: { '1': ['2', '3', '0'], '2': ['1'], '3': ['4'] },
      onEnter: { '4': () => ({ SoDangKy: 'x' }) },
    });
    expect(['1', '2', '3', '4', '0'].map((s) => expectedDvcqgStatus('mot-he-thong-moi', hoTich, s))).toEqual(['4', '5', '4', '9', '8']);
    expect(inSync('9', '10')).toBe(true);
    expect(inSync('9', '4')).toBe(false);
    expect(inSync('4', undefined)).toBe(false);
  });
  it('names the driven connectors whose refusals build a document, or whose labels mislead', () => {
    const lcs = Object.fromEntries(CONNECTORS.map((c) => [c.id, Object.values(c.lifecycles ?? {})[0]]));
    const map = (id: string, states: string[]) => states.map((s) => expectedDvcqgStatus(id, lcs[id], s));
    expect(map('ho-tich', ['0', '4'])).toEqual(['8', '9']);
    expect(map('tro-giup-xa-hoi', ['4', '5', '6', '7'])).toEqual(['5', '9', '8', '7']);
    expect(map('dien-luc', ['3', '4', '6', '7', '8'])).toEqual(['5', '4', '9', '8', '7']);
    expect(map('ma-so-ngan-sach', ['YEU_CAU_BO_SUNG', 'DA_BO_SUNG', 'DA_CAP_MA', 'TU_CHOI', 'DA_RUT'])).toEqual(['5', '4', '9', '8', '7']);
    expect(map('lien-thong-thue-dat-dai', ['03', '04', '05', '06', '07', '08'])).toEqual(['8', '6', '4', '4', '9', '7']);
    expect(map('nha-o-hinh-thanh-tuong-lai', ['3', '5', '9', '10'])).toEqual(['8', '5', '9', '10']);
  });
  it('follows every legal central move of every stateful connector with a legal DVCQG path', () => {
    // What the TTHC system reported when it handed the dossier over (2), then each central move in DVCQG terms.
    const reachable = (from: string, to: string) => {
      const seen = new Set([from]);
      for (const queue = [from]; queue.length; ) {
        const s = queue.shift()!;
        if (s === to) return true;
        for (const n of dvcqgLifecycle.moves[s as TrangThaiHoSo] ?? []) {
          if (!seen.has(n)) {
            seen.add(n);
            queue.push(n);
          }
        }
      }
      return false;
    };
    for (const c of CONNECTORS) {
      for (const [name, lc] of Object.entries(c.lifecycles ?? {})) {
        const at = (s: string) => expectedDvcqgStatus(c.id, lc, s);
        expect(reachable('2', at(lc.initial)), `${c.id}/${name}: initial ${lc.initial} → ${at(lc.initial)}`).toBe(true);
        for (const [from, targets] of Object.entries(lc.moves) as Array<[string, string[]]>) {
          for (const to of targets) expect(reachable(at(from), at(to)), `${c.id}/${name}: ${from}→${to} is ${at(from)}→${at(to)}`).toBe(true);
        }
      }
    }
  });
  it('digests a push independently of key order, and differently per operation', () => {
    expect(pushDigest('DongBoHoSoMC', { a: 1, b: [{ x: 1, y: 2 }] })).toBe(pushDigest('DongBoHoSoMC', { b: [{ y: 2, x: 1 }], a: 1 }));
    expect(pushDigest('DongBoHoSoMC', { a: 1 })).not.toBe(pushDigest('CapNhatTienDoHoSoMC', { a: 1 }));
  });
});
