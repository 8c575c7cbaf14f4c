import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSeedFiles } from '../../scripts/generate-seeds.js';
import { ROOT_DIR } from '../../src/config.js';
import { isCccd, isMst } from '../../src/core/identifiers.js';

describe('seed data', () => {
  it('the committed files are exactly what `npm run seed:generate` produces (deterministic, current)', async () => {
    const files = await renderSeedFiles(ROOT_DIR);
    for (const [rel, content] of files) {
      const committed = await readFile(path.join(ROOT_DIR, rel), 'utf8').catch(() => '(missing)');
      expect(committed === content, `${rel} is stale: run npm run seed:generate`).toBe(true);
    }
  });
  it('one population: valid unique identifiers, Vietnamese names in NFC, post-1/7/2025 province and commune codes', async () => {
    const people = JSON.parse(await readFile(path.join(ROOT_DIR, 'mocks/_population/people.json'), 'utf8'));
    const companies = JSON.parse(await readFile(path.join(ROOT_DIR, 'mocks/_population/companies.json'), 'utf8'));
    const units = JSON.parse(await readFile(path.join(ROOT_DIR, 'reference/administrative-units.json'), 'utf8'));
    const communes = new Set(units.communes['91'].map((c: { ma: string }) => c.ma));
    expect(people.length).toBeGreaterThanOrEqual(200);
    expect(new Set(people.map((p: any) => p.soDinhDanh)).size).toBe(people.length);
    for (const p of people) {
      expect(isCccd(p.soDinhDanh), p.soDinhDanh).toBe(true);
      expect(p.hoVaTen.normalize('NFC')).toBe(p.hoVaTen);
      expect(p.thuongTru.maTinh).toBe('91');
      expect(communes.has(p.thuongTru.maXa)).toBe(true);
    }
    expect(people.some((p: any) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(p.hoVaTen))).toBe(true);
    for (const c of companies) expect(isMst(c.msdn), c.msdn).toBe(true);
    const ids = new Set(people.map((p: any) => p.soDinhDanh));
    for (const c of companies) expect(ids.has(c.nguoiDaiDien)).toBe(true);
  });
});
