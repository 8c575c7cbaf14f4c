/** Regenerates src/client/generated/*.ts from the registry (run after adding or changing a connector or schema). */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadDefaultRegistry } from '../src/app.js';
import { generateClientFiles } from '../src/client/codegen.js';
import { ROOT_DIR } from '../src/config.js';

const registry = await loadDefaultRegistry(ROOT_DIR);
for (const [file, text] of Object.entries(generateClientFiles(registry))) {
  await writeFile(path.join(ROOT_DIR, 'src', 'client', 'generated', file), text);
  process.stdout.write(`src/client/generated/${file}\n`);
}
