import { describe, expect, it } from 'vitest';
import { hoTichLifecycle } from '../../connectors/ho-tich/index.js';
import { lienThongLifecycle } from '../../connectors/lien-thong-thue-dat-dai/index.js';
import { lltpLifecycle } from '../../connectors/ly-lich-tu-phap/index.js';
import { thongBaoLifecycle } from '../../connectors/nha-o-hinh-thanh-tuong-lai/index.js';
import { hopDongLifecycle } from '../../connectors/dien-luc/yeu-cau.js';
import { loadDefaultRegistry } from '../../src/app.js';
import { ROOT_DIR } from '../../src/config.js';
import { isCccd, isMst } from '../../src/core/identifiers.js';
import { onwardMove, submitterFor, walk, withdrawalMove } from '../../src/simulate/submitters.js';

describe('the scripted TTHC system reads where a lifecycle waits for the province', () => {
  it('takes the province move that keeps the dossier open, else the only one; a withdrawal is the other final move', () => {
    expect([onwardMove(thongBaoLifecycle, '5'), withdrawalMove(thongBaoLifecycle, '5')]).toEqual(['4', '7']);
    // Handing the result over is the only move out of 9: onward, and nothing to withdraw.
    expect([onwardMove(thongBaoLifecycle, '9'), withdrawalMove(thongBaoLifecycle, '9')]).toEqual(['10', null]);
    expect([onwardMove(hopDongLifecycle, '4'), withdrawalMove(hopDongLifecycle, '4')]).toEqual(['5', '8']);
    expect([onwardMove(hoTichLifecycle, '2'), withdrawalMove(hoTichLifecycle, '2')]).toEqual(['1', null]);
    // The central side's own states offer the province nothing.
    expect(onwardMove(lltpLifecycle, '4')).toBeNull();
  });

  it('walks a new dossier to its end, answering the waits it is told to, and stops where nobody answers', () => {
    expect(walk(lltpLifecycle, undefined, () => false)).toEqual({ end: '5', waits: [] });
    expect(walk(lltpLifecycle, 'reject', () => false)).toEqual({ end: '7', waits: [] });
    expect(walk(lltpLifecycle, 'stall', () => true).end).toBeNull();
    // A supplement asked once: the second visit to 1 goes on.
    expect(walk(hoTichLifecycle, 'bo-sung', (s) => s === '2')).toEqual({ end: '4', waits: ['2'] });
    expect(walk(hoTichLifecycle, 'bo-sung', () => false).end).toBeNull();
    // A new connection always waits for the signature; with documents missing, for them first.
    expect(walk(hopDongLifecycle, undefined, (s) => ['3', '4'].includes(s))).toEqual({ end: '6', waits: ['4'] });
    expect(walk(hopDongLifecycle, 'thieu-ho-so', (s) => ['3', '4'].includes(s))).toEqual({ end: '6', waits: ['3', '4'] });
    expect(walk(lienThongLifecycle, 'cho-nop-tien', (s) => s === '04')).toEqual({ end: '07', waits: ['04'] });
    expect(walk(thongBaoLifecycle, 'yeu-cau-bo-sung', (s) => ['5', '9'].includes(s))).toEqual({ end: '10', waits: ['5', '9'] });
  });

  it("registers a company's or a state body's dossier at DVCQG as theirs, not as a citizen's", async () => {
    const registry = await loadDefaultRegistry(ROOT_DIR);
    const holder = (id: string) => {
      const s = submitterFor(registry.get(id)!);
      if ('reason' in s) throw new Error(s.reason);
      return s.holder;
    };
    const nhaO = holder('nha-o-hinh-thanh-tuong-lai')!;
    expect(nhaO).toMatchObject({ LoaiDoiTuong: '2', DinhDanhCHS: [{ LoaiDinhDanh: '3' }] });
    expect(isMst(nhaO.DinhDanhCHS[0]!.SoDinhDanh)).toBe(true);
    const maSo = holder('ma-so-ngan-sach')!;
    expect(maSo).toMatchObject({ LoaiDoiTuong: '4', DinhDanhCHS: [{ LoaiDinhDanh: '1' }] });
    expect(isCccd(maSo.DinhDanhCHS[0]!.SoDinhDanh)).toBe(true);
    expect(maSo.ChuHoSo).toBe((registry.get('ma-so-ngan-sach')!.operation('dangKyMaSo')!.example.body as { TenDonVi: string }).TenDonVi);
    expect(holder('ly-lich-tu-phap')).toBeNull(); // a citizen's: the simulation's own person
  });
});
