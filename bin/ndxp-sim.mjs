#!/usr/bin/env node
// The `ndxp-sim` command: runs the TypeScript CLI (src/cli/index.ts) through tsx, no build step.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/index.ts', import.meta.url).href);
