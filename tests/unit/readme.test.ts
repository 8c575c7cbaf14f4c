import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeConfig, ROOT_DIR } from '../../src/config.js';

const readme = readFileSync(path.join(ROOT_DIR, 'README.md'), 'utf8');

describe('README', () => {
  it('opens with the two commands that install/run the product and pass the tests', () => {
    const firstBlock = /```bash\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(firstBlock).toContain('npm install && npm start');
    expect(firstBlock).toContain('npm test');
  });
  it('documents every configuration variable with its default', () => {
    for (const v of describeConfig()) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${v.name}\``));
      expect(row, `README has no row for ${v.name}`).toBeTruthy();
      if (v.default && v.name !== 'KEY_PREFIX' && v.name !== 'DATA_DIR') expect(row).toContain(v.default);
    }
  });
});
