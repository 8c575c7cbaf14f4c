import { SCHEMA_BASE } from '../core/schema-compiler.js';
import type { Registry } from '../core/registry.js';

/**
 * Bundles the JSON Schema files an API document needs into one `components.schemas` map (OpenAPI 3.1 speaks
 * JSON Schema 2020-12, so the schemas go in as they are; only `$ref`s between files are rewritten).
 * A file becomes the component `<dir>.<stem>` (e.g. `dan-cu.v1.traCuuCongDan.request`), each of its `$defs`
 * the component `<dir>.<stem>__<def>`.
 */
export type JsonSchema = Record<string, unknown>;

const COMPONENTS = '#/components/schemas/';

/** "dan-cu/v1/traCuuCongDan.request.schema.json" → "dan-cu.v1.traCuuCongDan.request". */
export const componentName = (rel: string) => rel.replace(/\.schema\.json$/, '').split('/').join('.');

/** The component a `$ref` lands on, or null when it points outside the bundled set. */
function refTarget(fromRel: string, ref: string): { rel: string; pointer: string } | null {
  const url = new URL(ref, SCHEMA_BASE + fromRel);
  const full = url.origin + url.pathname;
  if (!full.startsWith(SCHEMA_BASE)) return null;
  return { rel: full.slice(SCHEMA_BASE.length), pointer: decodeURIComponent(url.hash.replace(/^#/, '')) };
}

/** `{rel, "/$defs/x/properties/y"}` → `#/components/schemas/<file>__x/properties/y`. */
function toComponentRef(rel: string, pointer: string): { ref: string; component: string; rel: string } {
  const m = /^\/\$defs\/([^/]+)(.*)$/.exec(pointer);
  const component = m ? `${componentName(rel)}__${m[1]}` : componentName(rel);
  return { ref: COMPONENTS + component + (m ? m[2] : pointer), component, rel };
}

export class SchemaBundle {
  readonly components: Record<string, JsonSchema> = {};
  private readonly raw = new Map<string, JsonSchema>();

  constructor(private readonly registry: Registry) {}

  private file(rel: string): JsonSchema {
    let s = this.raw.get(rel);
    if (!s) {
      const fn = this.registry.schemas.strict.getSchema(SCHEMA_BASE + rel);
      if (!fn) throw new Error(`schema ${rel} not loaded`);
      s = fn.schema as JsonSchema;
      this.raw.set(rel, s);
    }
    return s;
  }

  /** Adds a schema file (and everything it references) and returns a `$ref` object to it. */
  ref(rel: string): { $ref: string } {
    this.add(rel, '');
    return { $ref: COMPONENTS + componentName(rel) };
  }

  /** The file's root schema with refs rewritten (for splitting a request schema into query parameters). */
  root(rel: string): JsonSchema {
    this.add(rel, '');
    return this.components[componentName(rel)]!;
  }

  /** Adds the schema at `rel` + JSON pointer (`''` or `/$defs/<name>`); returns its component name. */
  add(rel: string, pointer: string): string {
    const { component } = toComponentRef(rel, pointer);
    if (this.components[component]) return component;
    const file = this.file(rel);
    const m = /^\/\$defs\/([^/]+)/.exec(pointer);
    const source = m ? (file.$defs as Record<string, JsonSchema> | undefined)?.[m[1]!] : file;
    if (!source) throw new Error(`schema ${rel}: no ${pointer}`);
    this.components[component] = {}; // placeholder first: schemas may refer to themselves
    const copy = this.rewrite(rel, source) as JsonSchema;
    delete copy.$schema;
    delete copy.$id;
    delete copy.$defs;
    this.components[component] = copy;
    return component;
  }

  private rewrite(rel: string, node: unknown): unknown {
    if (Array.isArray(node)) return node.map((n) => this.rewrite(rel, n));
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$defs') continue;
      if (k === '$ref' && typeof v === 'string') {
        const target = refTarget(rel, v);
        if (!target) {
          out[k] = v;
          continue;
        }
        this.add(target.rel, target.pointer.replace(/^(\/\$defs\/[^/]+).*$/, '$1'));
        out[k] = toComponentRef(target.rel, target.pointer).ref;
      } else {
        out[k] = this.rewrite(rel, v);
      }
    }
    return out;
  }

  /** Follows `$ref`s inside the bundle (one schema's own shape, for parameters and XSD). */
  resolve(schema: JsonSchema): JsonSchema {
    let cur = schema;
    for (let i = 0; i < 20 && typeof cur.$ref === 'string' && cur.$ref.startsWith(COMPONENTS); i++) {
      const [name, ...rest] = cur.$ref.slice(COMPONENTS.length).split('/');
      let next: unknown = this.components[name!];
      for (const part of rest) next = (next as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
      const { $ref: _ref, ...siblings } = cur;
      cur = { ...(next as JsonSchema), ...siblings };
    }
    return cur;
  }
}
