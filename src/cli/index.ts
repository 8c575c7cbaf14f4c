/** `ndxp-sim` (bin/ndxp-sim.mjs): the simulator's command line. */
import { NdxpApiError } from '../client/index.js';
import { buildProgram } from './commands.js';

buildProgram()
  .parseAsync(process.argv)
  .catch((e: unknown) => {
    const msg = e instanceof NdxpApiError ? `${e.code} (${e.status}): ${e.messageVi} / ${e.message}` : (e as Error)?.message ?? String(e);
    process.stderr.write(`ndxp-sim: ${msg}\n`);
    process.exitCode = 1;
  });
