import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT_DIR } from '../../src/config.js';
import { pingOnce } from '../../src/queue/redis.js';

export { freePort } from '../../src/queue/redis.js';

const exited = (child: ChildProcess) => new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));

/**
 * A redis-server of the test's own (never the shared one on 6379): a free port, AOF with fsync on every write, so a
 * kill -9 loses nothing acknowledged; `restart` kills it and starts it again on the same port and data.
 */
export class OwnRedis {
  private child?: ChildProcess;
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'ndxp-redis-'));
  constructor(readonly port: number) {}

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn('redis-server', [
      '--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', 'yes', '--appendfsync', 'always',
      '--save', '', '--daemonize', 'no',
    ], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (await pingOnce(this.url, 200)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('own redis-server did not start');
  }

  async kill(): Promise<void> {
    if (!this.child) return;
    this.child.kill('SIGKILL');
    await exited(this.child);
  }

  async restart(downMs: number): Promise<void> {
    await this.kill();
    await new Promise((r) => setTimeout(r, downMs));
    await this.start();
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A real worker process (`src/main.ts --role workers`), started with node directly so kill -9 hits the worker itself. */
export class WorkerProcess {
  readonly child: ChildProcess;
  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'src/main.ts'), '--role', 'workers'], {
      cwd: ROOT_DIR, env: { ...process.env, ...env }, stdio: 'ignore',
    });
  }

  get pid() {
    return this.child.pid!;
  }

  async kill9(): Promise<void> {
    this.child.kill('SIGKILL');
    await exited(this.child);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const t = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited(this.child);
    clearTimeout(t);
  }
}
