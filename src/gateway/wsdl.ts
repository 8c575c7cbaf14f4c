import type { LoadedConnector, Registry } from '../core/registry.js';
import { SchemaBundle, type JsonSchema } from '../openapi/schema-bundle.js';
import { soapElementOf } from './soap.js';

export { soapElementOf };

/**
 * WSDL 1.1 (document/literal wrapped, SOAP 1.1) for a SOAP connector, with its XSD types converted from the same
 * JSON Schemas the gateway validates with. Elements are unqualified below the operation element, as the gateway
 * answers them (src/gateway/soap.ts).
 */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');


const XSD_SCALAR: Record<string, string> = { string: 'xs:string', integer: 'xs:integer', number: 'xs:decimal', boolean: 'xs:boolean' };

class XsdWriter {
  constructor(private readonly bundle: SchemaBundle) {}

  /** allOf merged, anyOf/oneOf branches' properties offered as optional: XSD has no unions of shapes. */
  private flatten(schema: JsonSchema, depth = 0): JsonSchema {
    const s = this.bundle.resolve(schema);
    if (depth > 8) return s;
    const parts = [...((s.allOf as JsonSchema[]) ?? []), ...((s.anyOf as JsonSchema[]) ?? []), ...((s.oneOf as JsonSchema[]) ?? [])];
    if (!parts.length) return s;
    const merged: JsonSchema = { ...s, properties: { ...((s.properties as object) ?? {}) } };
    for (const p of parts) {
      const f = this.flatten(p, depth + 1);
      if (!merged.type && f.type) merged.type = f.type;
      Object.assign(merged.properties as object, f.properties ?? {});
      if (s.allOf && (s.allOf as JsonSchema[]).includes(p)) merged.required = [...((merged.required as string[]) ?? []), ...((f.required as string[]) ?? [])];
    }
    return merged;
  }

  private typeOf(s: JsonSchema): string | undefined {
    const t = Array.isArray(s.type) ? (s.type as string[]).find((x) => x !== 'null') : (s.type as string | undefined);
    if (t) return t;
    if (s.properties) return 'object';
    if (s.const !== undefined || s.enum) return 'string';
    return undefined;
  }

  /** The content of an element of this schema (type attribute or an anonymous type), without the element tag. */
  private content(schema: JsonSchema, depth: number): { attr: string; body: string } {
    const s = this.flatten(schema);
    const type = this.typeOf(s);
    if (type === 'object' && s.properties && depth < 12) {
      const required = new Set((s.required as string[]) ?? []);
      const children = Object.entries(s.properties as Record<string, JsonSchema>)
        .map(([name, child]) => this.element(name, child, required.has(name), depth + 1))
        .join('');
      return { attr: '', body: `<xs:complexType><xs:sequence>${children}</xs:sequence></xs:complexType>` };
    }
    if (type === 'string' && Array.isArray(s.enum)) {
      const values = (s.enum as unknown[]).map((v) => `<xs:enumeration value="${esc(String(v))}"/>`).join('');
      return { attr: '', body: `<xs:simpleType><xs:restriction base="xs:string">${values}</xs:restriction></xs:simpleType>` };
    }
    const scalar = type ? XSD_SCALAR[type] : undefined;
    return { attr: ` type="${scalar ?? 'xs:anyType'}"`, body: '' };
  }

  element(name: string, schema: JsonSchema, required: boolean, depth = 0): string {
    const s = this.flatten(schema);
    let occurs = required ? '' : ' minOccurs="0"';
    let itemSchema = s;
    if (this.typeOf(s) === 'array') {
      itemSchema = (s.items as JsonSchema) ?? {};
      occurs = `${required && ((s.minItems as number) ?? 0) > 0 ? '' : ' minOccurs="0"'} maxOccurs="unbounded"`;
    }
    const { attr, body } = this.content(itemSchema, depth);
    const doc = typeof s.description === 'string' ? `<xs:annotation><xs:documentation>${esc(s.description)}</xs:documentation></xs:annotation>` : '';
    return body || doc
      ? `<xs:element name="${esc(name)}"${attr}${occurs}>${doc}${body}</xs:element>`
      : `<xs:element name="${esc(name)}"${attr}${occurs}/>`;
  }
}

export function buildWsdl(registry: Registry, connector: LoadedConnector, endpointUrl: string): string {
  const soap = connector.def.soap!;
  const ns = esc(soap.namespace);
  const bundle = new SchemaBundle(registry);
  const xsd = new XsdWriter(bundle);
  const ops = connector.operations.filter((o) => o.def.soapAction);
  const elements = ops
    .map((op) => {
      const el = soapElementOf(op);
      const req = xsd.element(el, bundle.ref(op.requestSchema), true);
      const res = xsd.element(`${el}Response`, bundle.ref(op.responseSchema), true);
      return req + res;
    })
    .join('');
  const fault =
    '<xs:element name="error"><xs:complexType><xs:sequence>' +
    '<xs:element name="code" type="xs:string"/><xs:element name="status" type="xs:integer"/>' +
    '<xs:element name="message" type="xs:string"/><xs:element name="messageEn" type="xs:string"/>' +
    '<xs:element name="field" type="xs:string" minOccurs="0"/><xs:element name="requestId" type="xs:string"/>' +
    '</xs:sequence></xs:complexType></xs:element>';
  const name = connector.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase());
  const messages = ops
    .map((op) => {
      const el = soapElementOf(op);
      return (
        `<wsdl:message name="${el}Request"><wsdl:part name="parameters" element="tns:${el}"/></wsdl:message>` +
        `<wsdl:message name="${el}Response"><wsdl:part name="parameters" element="tns:${el}Response"/></wsdl:message>`
      );
    })
    .join('');
  const portOps = ops
    .map((op) => {
      const el = soapElementOf(op);
      return (
        `<wsdl:operation name="${el}"><wsdl:documentation>${esc(op.def.summary)}</wsdl:documentation>` +
        `<wsdl:input message="tns:${el}Request"/><wsdl:output message="tns:${el}Response"/></wsdl:operation>`
      );
    })
    .join('');
  const bindingOps = ops
    .map((op) => {
      const el = soapElementOf(op);
      return (
        `<wsdl:operation name="${el}"><soap:operation soapAction="${esc(op.def.soapAction!)}" style="document"/>` +
        '<wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>'
      );
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<wsdl:definitions name="${name}" targetNamespace="${ns}" xmlns:tns="${ns}"` +
    ' xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"' +
    ' xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:ndxp="https://ndxp-sim.vn/ns/fault">' +
    `<wsdl:documentation>${esc(`${connector.meta.name} (${connector.meta.owner})`)}</wsdl:documentation>` +
    `<wsdl:types><xs:schema targetNamespace="${ns}" elementFormDefault="unqualified">${elements}</xs:schema>` +
    `<xs:schema targetNamespace="https://ndxp-sim.vn/ns/fault" elementFormDefault="unqualified">${fault}</xs:schema></wsdl:types>` +
    messages +
    `<wsdl:portType name="${name}PortType">${portOps}</wsdl:portType>` +
    `<wsdl:binding name="${name}Binding" type="tns:${name}PortType"><soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>${bindingOps}</wsdl:binding>` +
    `<wsdl:service name="${name}Service"><wsdl:port name="${name}Port" binding="tns:${name}Binding"><soap:address location="${esc(endpointUrl)}"/></wsdl:port></wsdl:service>` +
    '</wsdl:definitions>'
  );
}
