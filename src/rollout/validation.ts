import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { requestValidationError } from '../core/schema-compiler.js';

// ajv-formats is CommonJS with a default export; under NodeNext the callable sits on .default at type level.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** One ajv for the rollout tracker's own documents (province profiles, API bodies); schemas compiled once each. */
const ajv = new Ajv2020({ strict: true, allErrors: true, coerceTypes: false, useDefaults: false });
addFormats(ajv);
const cache = new WeakMap<object, ValidateFunction>();

export type JsonSchema = Record<string, unknown>;

export function compile(schema: JsonSchema): ValidateFunction {
  let fn = cache.get(schema);
  if (!fn) {
    fn = ajv.compile(schema);
    cache.set(schema, fn);
  }
  return fn;
}

/** Validates `value` or throws the catalog's 400 naming the first bad field. */
export function assertValid<T>(schema: JsonSchema, value: unknown): T {
  const fn = compile(schema);
  if (!fn(value)) throw requestValidationError(fn.errors);
  return value as T;
}
