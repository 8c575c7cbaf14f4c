import type { Command } from 'commander';
import { createNdxpClient, type NdxpClient } from '../client/index.js';
import { loadDefaultRegistry } from '../app.js';
import { ROOT_DIR } from '../config.js';
import type { Registry } from '../core/registry.js';
import { makeOut, type Out } from './output.js';

/** What every command gets from the global options and the environment. */
export interface CliContext {
  out: Out;
  url: string;
  client(): NdxpClient;
  registry(): Promise<Registry>;
}

export interface GlobalOptions {
  json?: boolean;
  url?: string;
  clientId?: string;
  clientSecret?: string;
}

export function contextOf(cmd: Command): CliContext {
  const o = cmd.optsWithGlobals<GlobalOptions>();
  const url = o.url ?? process.env.NDXP_URL ?? `http://localhost:${process.env.PORT ?? 8080}`;
  let registry: Promise<Registry> | undefined;
  return {
    out: makeOut(!!o.json),
    url,
    client: () =>
      createNdxpClient({
        baseUrl: url,
        clientId: o.clientId ?? process.env.NDXP_CLIENT_ID ?? process.env.DEMO_CLIENT_ID ?? 'tthc-an-giang',
        // The secret comes from the environment rather than the command line (shell history, ps).
        clientSecret: o.clientSecret ?? process.env.NDXP_CLIENT_SECRET ?? process.env.DEMO_CLIENT_SECRET ?? 'sandbox-secret',
      }),
    registry: () => (registry ??= loadDefaultRegistry(ROOT_DIR)),
  };
}
