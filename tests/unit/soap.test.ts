import { describe, expect, it } from 'vitest';
import { NdxpError } from '../../src/core/errors.js';
import { buildSoapFault, buildSoapResponse, parseSoapAction, parseSoapRequest } from '../../src/gateway/soap.js';

const env = (inner: string) =>
  `<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:dc="urn:x"><soapenv:Header/><soapenv:Body>${inner}</soapenv:Body></soapenv:Envelope>`;

describe('SOAP 1.1 parsing', () => {
  it('reads the operation element and its children, prefixes stripped', async () => {
    const r = await parseSoapRequest(env('<dc:TraCuu><dc:SoDinhDanh>089185000123</dc:SoDinhDanh><HoVaTen>Lê Văn Bình</HoVaTen></dc:TraCuu>'));
    expect(r).toEqual({ element: 'TraCuu', input: { SoDinhDanh: '089185000123', HoVaTen: 'Lê Văn Bình' } });
  });
  it('refuses entity expansion (billion laughs) and external entities before parsing', async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>${env('<a>&lol2;</a>')}`;
    await expect(parseSoapRequest(lol)).rejects.toMatchObject({ code: 'XML_DTD_FORBIDDEN', status: 400 });
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${env('<a>&xxe;</a>')}`;
    await expect(parseSoapRequest(xxe)).rejects.toMatchObject({ code: 'XML_DTD_FORBIDDEN' });
  });
  it('refuses malformed XML and envelopes without exactly one operation', async () => {
    await expect(parseSoapRequest('<a><b></a>')).rejects.toMatchObject({ code: 'MALFORMED_XML' });
    await expect(parseSoapRequest('<x/>')).rejects.toMatchObject({ code: 'MALFORMED_XML', field: 'Envelope' });
    await expect(parseSoapRequest(env('<a/><b/>'))).rejects.toMatchObject({ code: 'MALFORMED_XML', field: 'Body' });
  });
  it('reads SOAPAction quoted, bare or empty', () => {
    expect(parseSoapAction('"urn:x#Op"')).toBe('urn:x#Op');
    expect(parseSoapAction('urn:x#Op')).toBe('urn:x#Op');
    expect(parseSoapAction('""')).toBeUndefined();
  });
  it('builds responses and faults carrying the error envelope', () => {
    expect(buildSoapResponse('urn:x', 'TraCuu', { A: 1, L: [{ B: 'x' }, { B: 'y' }], N: null })).toContain('<ns:TraCuuResponse xmlns:ns="urn:x"><A>1</A><L><B>x</B></L><L><B>y</B></L></ns:TraCuuResponse>');
    const fault = buildSoapFault(new NdxpError('VALIDATION_FAILED', { field: 'SoDinhDanh' }), 'req-1');
    expect(fault).toContain('<faultcode>soap:Client</faultcode>');
    expect(fault).toContain('<code>VALIDATION_FAILED</code>');
    expect(fault).toContain('<field>SoDinhDanh</field>');
  });
});

describe('XML lists read back as JSON arrays, guided by the schema', async () => {
  const { loadSchemas } = await import('../../src/core/schema-compiler.js');
  const { shapeBySchemaFile } = await import('../../src/core/xml-shape.js');
  const path = await import('node:path');
  const { ROOT_DIR } = await import('../../src/config.js');
  const schemas = await loadSchemas(path.join(ROOT_DIR, 'schemas'));
  it('wraps a lone element where the schema says array (through $ref), and an empty element as []', () => {
    const one = shapeBySchemaFile(schemas.coercing, { MSDN: '0100233488', TenTiengViet: 'X', DanhSachChiNhanh: { MaChiNhanh: '0100233488-001' } }, 'dang-ky-doanh-nghiep/v1/danhSachChiNhanh.response.schema.json') as any;
    expect(one.DanhSachChiNhanh).toEqual([{ MaChiNhanh: '0100233488-001' }]);
    const none = shapeBySchemaFile(schemas.coercing, { DanhSachChiNhanh: '' }, 'dang-ky-doanh-nghiep/v1/danhSachChiNhanh.response.schema.json') as any;
    expect(none.DanhSachChiNhanh).toEqual([]);
    const nested = shapeBySchemaFile(schemas.coercing, { MainInformation: { NganhNghe: { MaNganh: '0111' } } }, 'dang-ky-doanh-nghiep/v1/chiTietDoanhNghiep.response.schema.json') as any;
    expect(nested.MainInformation.NganhNghe).toEqual([{ MaNganh: '0111' }]);
  });
});
