import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/config.js';
import { loadReference } from '../../src/core/reference.js';
import { loadProfilesFromDir, normaliseProfile } from '../../src/rollout/province.js';

const reference = await loadReference(path.join(ROOT_DIR, 'reference', 'ndxp-systems.json'));
const [anGiang] = await loadProfilesFromDir(path.join(ROOT_DIR, 'reference', 'provinces'), reference);

describe('An Giang province profile', () => {
  it('assigns a lead agency to each of the 24 systems and keeps the appendix wording', () => {
    expect(anGiang!.id).toBe('an-giang');
    expect(Object.keys(anGiang!.assignments).sort()).toEqual(reference.systems.map((s) => s.id).sort());
    for (const s of reference.systems) {
      const a = anGiang!.assignments[s.id]!;
      expect(a.lead.length, s.id).toBeGreaterThan(0);
      expect(a.appendix).toEqual(s.anGiang);
    }
    expect(anGiang!.deadline).toBe(reference.deadline.date);
  });

  it('maps every agency named in the appendix to an agency of today, by its current or a former name', () => {
    const known = new Map<string, string[]>();
    for (const a of anGiang!.agencies) for (const n of [a.name, ...a.formerNames.map((f) => f.name)]) known.set(n, [...(known.get(n) ?? []), a.id]);
    const names = new Set(reference.systems.flatMap((s) => [...s.anGiang.lead, ...s.anGiang.coordinating]));
    for (const n of names) expect(known.has(n), n).toBe(true);
    // And each system's lead today is one of the agencies its appendix lead became (or took over its function).
    for (const s of reference.systems) {
      const successors = new Set(s.anGiang.lead.flatMap((n) => known.get(n) ?? []));
      const lead = anGiang!.assignments[s.id]!.lead;
      const explained = lead.some((id) => successors.has(id)) || !!anGiang!.assignments[s.id]!.note;
      expect(explained, `${s.id}: lead ${lead} vs appendix ${s.anGiang.lead}`).toBe(true);
    }
  });

  it('follows the 2025 mergers', () => {
    const lead = (id: string) => anGiang!.assignments[id]!.lead;
    expect(lead('dang-ky-doanh-nghiep')).toEqual(['so-tai-chinh']);
    expect(lead('dat-dai')).toEqual(['so-nn-mt']);
    expect(lead('quan-ly-van-tai')).toEqual(['so-xay-dung']);
    expect(lead('tro-giup-xa-hoi')).toEqual(['so-y-te']);
    expect(lead('danh-muc-dung-chung')).toEqual(['so-khcn']);
    const khcn = anGiang!.agencies.find((a) => a.id === 'so-khcn')!;
    expect(khcn.formerNames.map((f) => f.name)).toContain('Sở Thông tin và Truyền thông');
  });

  it('refuses a profile naming an unknown agency or system, and a malformed one, naming the field', () => {
    const base = { id: 'ca-mau', name: 'Cà Mau', agencies: [{ id: 'so-tai-chinh', name: 'Sở Tài chính' }], assignments: { gia: { lead: ['so-tai-chinh'] } } };
    const ok = normaliseProfile(base, reference);
    expect(ok.assignments.gia).toEqual({ lead: ['so-tai-chinh'], coordinating: [] });
    expect(ok.deadline).toBe('2025-03-31');
    expect(() => normaliseProfile({ ...base, assignments: { gia: { lead: ['so-xyz'] } } }, reference)).toThrow(/unknown agency "so-xyz"/);
    expect(() => normaliseProfile({ ...base, assignments: { 'khong-co': { lead: ['so-tai-chinh'] } } }, reference)).toThrow(/not one of the 24/);
    expect(() => normaliseProfile({ ...base, id: 'Cà Mau' }, reference)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'id' }));
  });
});
