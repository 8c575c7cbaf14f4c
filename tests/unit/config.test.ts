import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from '../../src/config.js';

describe('configuration from the environment', () => {
  it('has embedded defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 8080, host: '127.0.0.1', province: 'an-giang', keyPrefix: 'ndxp:an-giang', demoClientId: 'tthc-an-giang', demoClientSecret: 'sandbox-secret' });
    expect(c.redisUrl).toBeUndefined();
  });
  it('reports every bad value at once, naming the variable and the rule, without echoing secrets', () => {
    try {
      loadConfig({ PORT: 'tám', CLOCK_FACTOR: '0', LOG_LEVEL: 'loud', REDIS_URL: 'http://x', DEMO_CLIENT_SECRET: 'short' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'CLOCK_FACTOR', 'LOG_LEVEL', 'REDIS_URL', 'DEMO_CLIENT_SECRET']) expect(problems).toContain(name);
      expect(problems).not.toContain('short');
    }
  });
  it('documents every variable', () => {
    const names = describeConfig().map((v) => v.name);
    for (const n of ['PORT', 'HOST', 'REDIS_URL', 'PROVINCE', 'CLOCK_FACTOR', 'LOG_LEVEL', 'DATA_DIR']) expect(names).toContain(n);
  });
});
