import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import {
  isAgencyCode, isBhxh, isCccd, isCmnd, isDateCompact, isDateDmy, isMaHoSo, isMst, isPhoneVn, isTheBhyt,
  isTimestampCompact,
} from './identifiers.js';
import { NdxpError } from './errors.js';

// ajv-formats is CommonJS with a default export; under NodeNext the callable sits on .default at type level.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export const SCHEMA_BASE = 'https://ndxp-sim.vn/schemas/';

/** Identifier formats (DOMAIN.md), usable as `"format": "cccd"` in any schema. */
export const CUSTOM_FORMATS: Record<string, (v: string) => boolean> = {
  cccd: isCccd,
  cmnd: isCmnd,
  mst: isMst,
  bhxh: isBhxh,
  'the-bhyt': isTheBhyt,
  'ma-ho-so': isMaHoSo,
  'agency-code': isAgencyCode,
  'date-dmy': isDateDmy,
  'date-compact': isDateCompact,
  'timestamp-compact': isTimestampCompact,
  'phone-vn': isPhoneVn,
};

function makeAjv(coerce: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    // The strict instance checks every schema against the meta-schema; the coercing twin gets the same files.
    validateSchema: !coerce,
    // Query strings and SOAP bodies carry only text: coerce "10" → 10 and a lone element → [element].
    coerceTypes: coerce ? 'array' : false,
    useDefaults: false,
    // Compiling ~300 validators dominates start-up; ajv's code optimisation pass is not worth its cost here.
    code: { optimize: false },
  });
  addFormats(ajv);
  for (const [name, fn] of Object.entries(CUSTOM_FORMATS)) ajv.addFormat(name, { type: 'string', validate: fn });
  return ajv;
}

export interface SchemaSet {
  /** Validates JSON bodies and responses exactly (no coercion). */
  strict: Ajv2020;
  /** Validates query strings and SOAP bodies (text coerced to the schema's types). */
  coercing: Ajv2020;
  ids: string[];
}

/** Reads every `*.schema.json` under `dir` once; each gets `$id` = base + its relative path (checked if present). */
export async function loadSchemas(dir: string): Promise<SchemaSet> {
  const files = (await readdir(dir, { recursive: true }))
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
  const strict = makeAjv(false);
  const coercing = makeAjv(true);
  const ids: string[] = [];
  // Read in parallel (start-up only), add in a stable order.
  const texts = await Promise.all(files.map((rel) => readFile(path.join(dir, rel), 'utf8')));
  for (const [i, rel] of files.entries()) {
    let schema: Record<string, unknown>;
    try {
      schema = JSON.parse(texts[i]!);
    } catch (e) {
      throw new Error(`schema ${rel}: not valid JSON (${(e as Error).message})`);
    }
    const id = SCHEMA_BASE + rel;
    if (schema.$id !== undefined && schema.$id !== id) throw new Error(`schema ${rel}: $id must be "${id}"`);
    schema.$id = id;
    try {
      strict.addSchema(schema);
      coercing.addSchema(structuredClone(schema));
    } catch (e) {
      throw new Error(`schema ${rel}: ${(e as Error).message}`);
    }
    ids.push(id);
  }
  return { strict, coercing, ids };
}

export function getCompiled(ajv: Ajv2020, rel: string): ValidateFunction {
  const id = SCHEMA_BASE + rel;
  let fn: ValidateFunction | undefined;
  try {
    fn = ajv.getSchema(id);
  } catch (e) {
    throw new Error(`schema ${rel}: ${(e as Error).message}`);
  }
  if (!fn) throw new Error(`schema ${rel} not found (expected file schemas/${rel})`);
  return fn;
}

// ---- ajv errors → the error envelope ------------------------------------------------------------------------------

/** "/DinhDanhCHS/0/SoDinhDanh" → "DinhDanhCHS[0].SoDinhDanh". */
export function pointerToField(pointer: string, extra?: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
  messageEn: string;
}

const FORMAT_VI: Record<string, string> = {
  cccd: 'số định danh cá nhân (CCCD) gồm 12 chữ số, 3 số đầu là mã tỉnh hợp lệ',
  cmnd: 'số CMND gồm 9 chữ số',
  mst: 'mã số thuế/mã số doanh nghiệp 10 chữ số với chữ số kiểm tra đúng (hoặc 13 chữ số dạng ##########-###)',
  bhxh: 'mã số BHXH gồm 10 chữ số',
  'the-bhyt': 'mã thẻ BHYT gồm 15 ký tự (2 chữ cái, 1 số mức hưởng, 2 số tỉnh, 10 số BHXH)',
  'ma-ho-so': 'mã hồ sơ dạng <mã đơn vị>-<YYMMDD>-<4 chữ số>',
  'agency-code': 'mã định danh cơ quan dạng 000.00.00.H30',
  'date-dmy': 'ngày dạng dd/MM/yyyy',
  'date-compact': 'ngày dạng yyyyMMdd',
  'timestamp-compact': 'thời điểm dạng yyyyMMddHHmmss',
  'phone-vn': 'số điện thoại di động Việt Nam (10 chữ số, bắt đầu bằng 03/05/07/08/09)',
  date: 'ngày dạng yyyy-MM-dd',
  'date-time': 'thời điểm ISO 8601',
  email: 'địa chỉ thư điện tử',
  uri: 'địa chỉ URI',
};

function describe(e: ErrorObject): { vi: string; en: string } {
  const p = e.params as Record<string, any>;
  switch (e.keyword) {
    case 'required':
      return { vi: 'thiếu trường bắt buộc', en: 'required field is missing' };
    case 'additionalProperties':
      return { vi: 'trường không được phép', en: 'field is not allowed' };
    case 'type':
      return { vi: `sai kiểu dữ liệu, cần ${p.type}`, en: `must be of type ${p.type}` };
    case 'format':
      return { vi: `sai định dạng: cần ${FORMAT_VI[p.format] ?? p.format}`, en: `must match format "${p.format}"` };
    case 'pattern':
      return { vi: 'sai định dạng', en: `must match pattern ${p.pattern}` };
    case 'enum':
      return {
        vi: `giá trị không thuộc danh sách cho phép (${(p.allowedValues as unknown[]).join(', ')})`,
        en: `must be one of ${(p.allowedValues as unknown[]).join(', ')}`,
      };
    case 'const':
      return { vi: `giá trị phải là ${JSON.stringify(p.allowedValue)}`, en: `must equal ${JSON.stringify(p.allowedValue)}` };
    case 'maxLength':
      return { vi: `dài quá ${p.limit} ký tự`, en: `must be at most ${p.limit} characters` };
    case 'minLength':
      return { vi: `ngắn hơn ${p.limit} ký tự`, en: `must be at least ${p.limit} characters` };
    case 'maximum':
    case 'minimum':
      return { vi: `giá trị phải ${p.comparison} ${p.limit}`, en: `must be ${p.comparison} ${p.limit}` };
    case 'maxItems':
      return { vi: `tối đa ${p.limit} phần tử`, en: `must have at most ${p.limit} items` };
    case 'minItems':
      return { vi: `tối thiểu ${p.limit} phần tử`, en: `must have at least ${p.limit} items` };
    default:
      return { vi: e.message ?? e.keyword, en: e.message ?? e.keyword };
  }
}

export function toFieldProblems(errors: ErrorObject[] | null | undefined): FieldProblem[] {
  const seen = new Set<string>();
  const out: FieldProblem[] = [];
  for (const e of errors ?? []) {
    // Under oneOf/anyOf ajv reports every branch; the keyword error itself is enough.
    if (e.keyword === 'if') continue;
    const p = e.params as Record<string, any>;
    const field =
      e.keyword === 'required' ? pointerToField(e.instancePath, p.missingProperty)
        : e.keyword === 'additionalProperties' ? pointerToField(e.instancePath, p.additionalProperty)
          : pointerToField(e.instancePath) || '(body)';
    const key = `${field}|${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const d = describe(e);
    out.push({ field, rule: e.keyword, message: d.vi, messageEn: d.en });
  }
  return out;
}

/** The request-side error: UNKNOWN_FIELD when a field is not allowed, else VALIDATION_FAILED, naming the first field. */
export function requestValidationError(errors: ErrorObject[] | null | undefined): NdxpError {
  const problems = toFieldProblems(errors);
  const first = problems.find((p) => p.rule === 'additionalProperties') ?? problems[0];
  const code = first?.rule === 'additionalProperties' ? 'UNKNOWN_FIELD' : 'VALIDATION_FAILED';
  const unknown = code === 'UNKNOWN_FIELD';
  return new NdxpError(code, {
    field: first?.field,
    detailVi: first ? (unknown ? first.field : `${first.field}: ${first.message}`) : undefined,
    detailEn: first ? (unknown ? first.field : `${first.field}: ${first.messageEn}`) : undefined,
    details: problems,
  });
}
