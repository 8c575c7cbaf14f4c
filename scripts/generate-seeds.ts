/**
 * Writes the synthetic population (mocks/_population/) and every connector's seed (mocks/<id>/seed.json) from it.
 * Deterministic: running it twice gives identical files (a test checks the committed files equal its output).
 *   npm run seed:generate            write the files
 *   npm run seed:generate -- --check exit 1 if the committed files differ
 */
import { fakerVI } from '@faker-js/faker';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CONNECTORS } from '../connectors/index.js';
import type { Population, SeedBuilder } from '../connectors/_shared/population.js';
import { generatePopulation, makeRng } from './population.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const json = (v: unknown) => `${JSON.stringify(v, null, 1)}\n`;

/** Every file the generator produces, path → content. */
export async function renderSeedFiles(rootDir = ROOT): Promise<Map<string, string>> {
  const population: Population = await generatePopulation(rootDir);
  const files = new Map<string, string>();
  files.set('mocks/_population/people.json', json(population.people));
  files.set('mocks/_population/companies.json', json(population.companies));
  for (const def of CONNECTORS) {
    const file = path.join(rootDir, 'connectors', def.id, 'seed.ts');
    try {
      await access(file);
    } catch {
      continue;
    }
    const mod = (await import(pathToFileURL(file).href)) as { buildSeed: SeedBuilder };
    // One seeded stream per connector: adding a connector never changes another connector's data.
    let h = 0;
    for (const ch of def.id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    fakerVI.seed(h);
    files.set(`mocks/${def.id}/seed.json`, json(mod.buildSeed(population, makeRng(fakerVI))));
  }
  return files;
}

async function main() {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const files = await renderSeedFiles();
  let stale = 0;
  for (const [rel, content] of files) {
    const file = path.join(ROOT, rel);
    if (values.check) {
      const current = await readFile(file, 'utf8').catch(() => '');
      if (current !== content) {
        stale++;
        console.error(`stale: ${rel}`);
      }
      continue;
    }
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    console.log(`wrote ${rel}`);
  }
  if (stale) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
