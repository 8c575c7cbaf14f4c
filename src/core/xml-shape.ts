import type { Ajv2020 } from 'ajv/dist/2020.js';
import { SCHEMA_BASE } from './schema-compiler.js';

type Schema = Record<string, unknown>;

function resolveRef(ajv: Ajv2020, ref: string, baseId: string): { schema: Schema; baseId: string } | null {
  const target = new URL(ref, baseId).href;
  const fn = ajv.getSchema(target);
  const schema = fn?.schema;
  if (!schema || typeof schema !== 'object') return null;
  return { schema: schema as Schema, baseId: target.split('#')[0]! };
}

/**
 * XML has no arrays: a list of one arrives as a lone element, an empty list as an empty element. Walks the JSON Schema
 * and wraps values into arrays where it says `type: array`, so SOAP input (and SOAP answers read back) keep the JSON
 * shape. Unions (anyOf/oneOf) are left as they are.
 */
export function shapeArrays(ajv: Ajv2020, value: unknown, schema: unknown, baseId: string, depth = 0): unknown {
  if (!schema || typeof schema !== 'object' || depth > 40) return value;
  let s = schema as Schema;
  const base = baseId;
  if (typeof s.$ref === 'string') {
    const r = resolveRef(ajv, s.$ref, base);
    if (r) {
      value = shapeArrays(ajv, value, r.schema, r.baseId, depth + 1);
      // Keywords beside $ref still apply (2020-12).
      s = { ...s };
      delete s.$ref;
    }
  }
  for (const sub of (s.allOf as unknown[]) ?? []) value = shapeArrays(ajv, value, sub, base, depth + 1);
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (types.includes('array')) {
    if (value === '') value = [];
    else if (value !== undefined && !Array.isArray(value)) value = [value];
    if (Array.isArray(value) && s.items) value = value.map((v) => shapeArrays(ajv, v, s.items, base, depth + 1));
    return value;
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && s.properties && typeof s.properties === 'object') {
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const [k, sub] of Object.entries(s.properties as Record<string, unknown>)) {
      if (k in out) out[k] = shapeArrays(ajv, out[k], sub, base, depth + 1);
    }
    return out;
  }
  return value;
}

/** Shapes a value by the schema file `rel` (e.g. "dan-cu/v1/traCuuCongDan.request.schema.json"). */
export function shapeBySchemaFile(ajv: Ajv2020, value: unknown, rel: string): unknown {
  const id = SCHEMA_BASE + rel;
  const schema = ajv.getSchema(id)?.schema;
  return schema ? shapeArrays(ajv, value, schema, id) : value;
}
