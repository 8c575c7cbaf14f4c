import type { ChainableCommander, Redis } from 'ioredis';

export interface ScriptDefinition {
  lua: string;
  /** Omitted: the call's first argument says how many keys follow. */
  numberOfKeys?: number;
}

type Arg = string | number | Buffer;
type Target = Redis | ChainableCommander;

/** A Lua script as a command of a connection (or of a pipeline made after `ensure` on its connection). */
export interface Script {
  (target: Target, ...args: Arg[]): Promise<unknown>;
  /** The same call with bulk replies kept as bytes. */
  buffer(target: Target, ...args: Arg[]): Promise<unknown>;
  /** Defines the script on a connection (a pipeline only knows the scripts its connection had when it was made). */
  ensure(redis: Redis): void;
}

/**
 * Lua scripts run with EVALSHA (ioredis' defineCommand): the text is not sent with every call, and ioredis loads it
 * again by itself after a Redis restart.
 */
export function defineScript(name: string, def: ScriptDefinition): Script {
  const ensure = (redis: Redis) => {
    if (!(name in redis)) redis.defineCommand(name, def);
  };
  const call = (target: Target, suffix: '' | 'Buffer', args: Arg[]) => {
    if ('defineCommand' in target) ensure(target);
    const fn = (target as unknown as Record<string, ((...a: Arg[]) => Promise<unknown>) | undefined>)[`${name}${suffix}`];
    if (!fn) throw new Error(`script ${name} is not defined on this pipeline's connection (call ensure first)`);
    return fn.apply(target, args);
  };
  const run = ((target: Target, ...args: Arg[]) => call(target, '', args)) as Script;
  run.buffer = (target, ...args) => call(target, 'Buffer', args);
  run.ensure = ensure;
  return run;
}
