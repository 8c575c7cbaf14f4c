import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONNECTORS } from '../../connectors/index.js';
import { ROOT_DIR } from '../../src/config.js';
import { defineConnector } from '../../src/core/connector.js';
import { loadReference } from '../../src/core/reference.js';
import { ConnectorLoadError, loadRegistry } from '../../src/core/registry.js';

const base = async () => ({
  reference: await loadReference(path.join(ROOT_DIR, 'reference', 'ndxp-systems.json')),
  schemasDir: path.join(ROOT_DIR, 'schemas'),
  mocksDir: path.join(ROOT_DIR, 'mocks'),
});
const good = CONNECTORS.find((c) => c.id === 'dang-ky-doanh-nghiep')!;

describe('the registry refuses a bad connector, naming it and the field', () => {
  it.each([
    ['an id not in the reference data', { ...good, id: 'he-thong-la' }, /"he-thong-la": id: is not a system/],
    ['a missing schema file', { ...good, operations: { ...good.operations, chiTietDoanhNghiep: { ...good.operations.chiTietDoanhNghiep!, requestSchema: 'khongCo.request' } } }, /operations\.chiTietDoanhNghiep\.requestSchema: schema dang-ky-doanh-nghiep\/v1\/khongCo\.request\.schema\.json not found/],
    ['an uncovered purpose', { ...good, operations: { chiTietDoanhNghiep: good.operations.chiTietDoanhNghiep! } }, /purposes\[1\]: no operation serves/],
    ['an example that does not resolve in the seed', { ...good, operations: { ...good.operations, danhSachChiNhanh: { ...good.operations.danhSachChiNhanh!, example: { query: { msdn: '$seed:khongCo.0.x' } } } } }, /operations\.danhSachChiNhanh\.example/],
    ['a SOAP action on a REST connector', { ...good, operations: { ...good.operations, danhSachChiNhanh: { ...good.operations.danhSachChiNhanh!, soapAction: 'urn:x#Y' } } }, /soapAction: the connector protocol is "rest"/],
    ['a bad agency code', { ...good, agencyCode: 'G06' }, /agencyCode/],
    ['own routes on a platform path', { ...good, routes: { basePath: '/api/oidc', build: () => () => undefined } }, /routes\.basePath: must be a path like \/vneid\/oidc outside/],
  ])('%s', async (_name, def, message) => {
    const err = await loadRegistry({ ...(await base()), definitions: [defineConnector(def as typeof good)] }).catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorLoadError);
    expect(err.message).toMatch(message);
  });
  it('refuses the same connector twice and two operations on one path', async () => {
    await expect(loadRegistry({ ...(await base()), definitions: [good, good] })).rejects.toThrow(/registered twice/);
  });
  it('loads every registered connector (start-up time is measured by npm run bench, not here)', async () => {
    const reg = await loadRegistry({ ...(await base()), definitions: CONNECTORS });
    expect(reg.connectors.map((c) => c.id).sort()).toEqual(CONNECTORS.map((c) => c.id).sort());
  });
});

describe('response schemas compile just after start', () => {
  it('warmUp() compiles them all, and names the connector and operation of one that does not compile', async () => {
    const reg = await loadRegistry({ ...(await base()), definitions: CONNECTORS });
    await expect(reg.warmUp()).resolves.toBeUndefined();
    // A copy of the schemas where one response schema points at a definition that does not exist.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ndxp-schemas-'));
    await cp(path.join(ROOT_DIR, 'schemas'), dir, { recursive: true });
    await writeFile(path.join(dir, 'dang-ky-doanh-nghiep/v1/danhSachChiNhanh.response.schema.json'),
      JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', $ref: 'doanh-nghiep.schema.json#/$defs/khongCo' }));
    const broken = await loadRegistry({ ...(await base()), schemasDir: dir, definitions: [good] });
    const err = await broken.warmUp().catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorLoadError);
    expect(err.message).toMatch(/"dang-ky-doanh-nghiep": operations\.danhSachChiNhanh\.responseSchema/);
    await rm(dir, { recursive: true, force: true });
  });
});
