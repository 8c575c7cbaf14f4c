/**
 * Versioned shared catalogs (danh mục dùng chung), written once for every catalog system: danh mục dùng chung,
 * danh mục tài chính, danh mục ngân hàng, Vpostcode, đất đai, the goods catalog of giá.
 *
 * A catalog (MaDanhMuc) has versions (PhienBan) with an effective date (NgayHieuLuc) and, once superseded, an end date
 * (NgayHetHieuLuc). A request reads the version valid today, the version valid on a date (`ngayHieuLuc`) or a named
 * version (`phienBan`); pages of items come back with a strong ETag, and `If-None-Match` with that ETag answers
 * 304 Not Modified, so a province system re-downloads a catalog only when it changed.
 *
 * Seeds hold three flat collections: `danhMuc` (one row per catalog), `phienBan` (one row per version) and `phanTu`
 * (one row per item of a version, carrying MaDanhMuc and PhienBan; the wire item drops those two).
 */
import { createHash } from 'node:crypto';
import { reply, type OperationContext, type OperationDefinition, type Reply } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import type { ScenarioDefinition } from '../../src/core/scenarios.js';
import { foldVietnamese } from '../../src/core/text.js';
import { dmyToIso, fromSeed, paginate, toDmy } from './wire.js';

export interface CatalogMeta {
  MaDanhMuc: string;
  TenDanhMuc: string;
  CoQuanBanHanh: string;
  MoTa: string;
}

export interface CatalogVersionMeta {
  MaDanhMuc: string;
  PhienBan: string;
  /** dd/MM/yyyy */
  NgayHieuLuc: string;
  /** dd/MM/yyyy, the last day of validity; absent while the version is in force. */
  NgayHetHieuLuc?: string;
  CanCuPhapLy: string;
}

/** An item of a catalog version on the wire. Extra fields are the catalog's own (typed by its schema). */
export interface CatalogItem {
  Ma: string;
  Ten: string;
  MaCha?: string;
  [field: string]: unknown;
}

/** One seed row: an item of one version of one catalog. */
export interface CatalogRow extends CatalogItem {
  MaDanhMuc: string;
  PhienBan: string;
}

export interface CatalogSeed {
  danhMuc: CatalogMeta[];
  phienBan: CatalogVersionMeta[];
  phanTu: CatalogRow[];
}

export interface IndexedVersion {
  meta: CatalogVersionMeta;
  fromIso: string;
  /** Inclusive; null while in force. */
  toIso: string | null;
  items: CatalogItem[];
  byMa: Map<string, CatalogItem>;
}

export interface IndexedCatalog {
  meta: CatalogMeta;
  /** Oldest first. */
  versions: IndexedVersion[];
}

/** Scenario name: the ministry has just published a new version, in force from today. */
export const CATALOG_VERSION_CHANGE = 'catalog-version-change';

const toItem = ({ MaDanhMuc: _c, PhienBan: _v, ...item }: CatalogRow): CatalogItem => item;

/** The catalogs of a seed, indexed once (versions sorted, items by code). */
export const catalogIndex = fromSeed((seed: CatalogSeed): Map<string, IndexedCatalog> => {
  const rows = new Map<string, CatalogItem[]>();
  for (const r of seed.phanTu) {
    const key = `${r.MaDanhMuc}\u0000${r.PhienBan}`;
    let list = rows.get(key);
    if (!list) rows.set(key, (list = []));
    list.push(toItem(r));
  }
  const out = new Map<string, IndexedCatalog>();
  for (const meta of seed.danhMuc) {
    const versions = seed.phienBan
      .filter((v) => v.MaDanhMuc === meta.MaDanhMuc)
      .map((v) => indexVersion(v, rows.get(`${v.MaDanhMuc}\u0000${v.PhienBan}`) ?? []))
      .sort((a, b) => a.fromIso.localeCompare(b.fromIso));
    out.set(meta.MaDanhMuc, { meta, versions });
  }
  return out;
});

function indexVersion(meta: CatalogVersionMeta, items: CatalogItem[]): IndexedVersion {
  return {
    meta,
    fromIso: dmyToIso(meta.NgayHieuLuc),
    toIso: meta.NgayHetHieuLuc ? dmyToIso(meta.NgayHetHieuLuc) : null,
    items,
    byMa: new Map(items.map((i) => [i.Ma, i])),
  };
}

export function findCatalog(seed: CatalogSeed, maDanhMuc: string): IndexedCatalog {
  const cat = catalogIndex(seed).get(maDanhMuc);
  if (!cat) {
    throw new NdxpError('RECORD_NOT_FOUND', {
      field: 'maDanhMuc',
      detailVi: `không có danh mục ${maDanhMuc}; có: ${[...catalogIndex(seed).keys()].join(', ')}`,
      detailEn: `no catalog ${maDanhMuc}`,
    });
  }
  return cat;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const dayBefore = (iso: string) => isoDay(new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000));

/**
 * The versions as the caller sees them today. Under the catalog-version-change scenario a revision of the version in
 * force is published effective today (same items, PhienBan `<current>.1`), and the version it replaces ends yesterday.
 */
export function visibleVersions(ctx: Pick<OperationContext, 'scenario' | 'now'>, cat: IndexedCatalog): IndexedVersion[] {
  if (ctx.scenario !== CATALOG_VERSION_CHANGE) return cat.versions;
  const today = isoDay(ctx.now());
  const current = versionAt(cat.versions, today);
  if (!current) return cat.versions;
  const ended: IndexedVersion = {
    ...current,
    meta: { ...current.meta, NgayHetHieuLuc: toDmy(dayBefore(today)) },
    toIso: dayBefore(today),
  };
  const revision = indexVersion(
    {
      MaDanhMuc: current.meta.MaDanhMuc,
      PhienBan: `${current.meta.PhienBan}.1`,
      NgayHieuLuc: toDmy(today),
      CanCuPhapLy: `${current.meta.CanCuPhapLy} (bản cập nhật, có hiệu lực từ ${toDmy(today)})`,
    },
    current.items,
  );
  return [...cat.versions.map((v) => (v === current ? ended : v)), revision];
}

function versionAt(versions: IndexedVersion[], iso: string): IndexedVersion | undefined {
  // The latest version that started on or before the date and had not ended.
  for (let i = versions.length - 1; i >= 0; i--) {
    const v = versions[i]!;
    if (v.fromIso <= iso && (v.toIso === null || iso <= v.toIso)) return v;
  }
  return undefined;
}

export interface VersionSelector {
  phienBan?: string;
  /** dd/MM/yyyy */
  ngayHieuLuc?: string;
}

/** The version named by `phienBan`, else the one in force on `ngayHieuLuc`, else the one in force today. */
export function resolveVersion(ctx: Pick<OperationContext, 'scenario' | 'now'>, cat: IndexedCatalog, sel: VersionSelector): IndexedVersion {
  const versions = visibleVersions(ctx, cat);
  const code = cat.meta.MaDanhMuc;
  if (sel.phienBan && sel.ngayHieuLuc) {
    throw new NdxpError('VALIDATION_FAILED', {
      field: 'ngayHieuLuc',
      detailVi: 'chỉ dùng một trong hai tham số phienBan hoặc ngayHieuLuc',
      detailEn: 'use either phienBan or ngayHieuLuc, not both',
    });
  }
  if (sel.phienBan) {
    const v = versions.find((x) => x.meta.PhienBan === sel.phienBan);
    if (!v) {
      throw new NdxpError('RECORD_NOT_FOUND', {
        field: 'phienBan',
        detailVi: `danh mục ${code} không có phiên bản ${sel.phienBan}; có: ${versions.map((x) => x.meta.PhienBan).join(', ')}`,
        detailEn: `catalog ${code} has no version ${sel.phienBan}`,
      });
    }
    return v;
  }
  const iso = sel.ngayHieuLuc ? dmyToIso(sel.ngayHieuLuc) : isoDay(ctx.now());
  const v = versionAt(versions, iso);
  if (!v) {
    throw new NdxpError('RECORD_NOT_FOUND', {
      field: sel.ngayHieuLuc ? 'ngayHieuLuc' : 'maDanhMuc',
      detailVi: `danh mục ${code} không có phiên bản hiệu lực ngày ${toDmy(iso)}`,
      detailEn: `catalog ${code} has no version in force on ${iso}`,
    });
  }
  return v;
}

/** A handler's way to the items of a catalog version in force (for connector-specific lookups). */
export function itemsInForce(ctx: Pick<OperationContext<CatalogSeed>, 'scenario' | 'now' | 'seed'>, maDanhMuc: string, sel: VersionSelector = {}) {
  const cat = findCatalog(ctx.seed, maDanhMuc);
  return { cat, version: resolveVersion(ctx, cat, sel) };
}

// ---------------------------------------------------------------------------------------------------------------
// Conditional requests (RFC 9110): strong ETag over the body, If-None-Match with weak comparison, 304 without body.

export const etagOf = (body: unknown): string =>
  `"${createHash('sha1').update(JSON.stringify(body)).digest('base64url')}"`;

export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}

/** 200 with ETag, or 304 Not Modified when the caller already holds this representation. */
export function conditionalReply(ctx: Pick<OperationContext, 'headers'>, body: unknown): Reply {
  const etag = etagOf(body);
  const headers = { ETag: etag, 'Cache-Control': 'no-cache' };
  return ifNoneMatchHits(ctx.headers['if-none-match'], etag) ? reply(304, null, headers) : reply(200, body, headers);
}

// ---------------------------------------------------------------------------------------------------------------
// Wire shapes.

const versionHeader = (cat: IndexedCatalog, v: IndexedVersion) => ({
  MaDanhMuc: cat.meta.MaDanhMuc,
  TenDanhMuc: cat.meta.TenDanhMuc,
  PhienBan: v.meta.PhienBan,
  NgayHieuLuc: v.meta.NgayHieuLuc,
  ...(v.meta.NgayHetHieuLuc ? { NgayHetHieuLuc: v.meta.NgayHetHieuLuc } : {}),
  CanCuPhapLy: v.meta.CanCuPhapLy,
});

function trangThai(v: IndexedVersion, todayIso: string): 'Đang hiệu lực' | 'Hết hiệu lực' | 'Chưa có hiệu lực' {
  if (v.fromIso > todayIso) return 'Chưa có hiệu lực';
  return v.toIso !== null && v.toIso < todayIso ? 'Hết hiệu lực' : 'Đang hiệu lực';
}

/** Items matching the optional parent code and a diacritic-insensitive keyword on code and name. */
function filterItems(items: CatalogItem[], maCha?: string, tuKhoa?: string): CatalogItem[] {
  const needle = tuKhoa ? foldVietnamese(tuKhoa) : '';
  return items.filter(
    (i) => (!maCha || i.MaCha === maCha) && (!needle || foldVietnamese(`${i.Ma} ${i.Ten}`).includes(needle)),
  );
}

function diff(from: IndexedVersion, to: IndexedVersion) {
  const same = (a: CatalogItem, b: CatalogItem) => JSON.stringify(a) === JSON.stringify(b);
  return {
    ThemMoi: to.items.filter((i) => !from.byMa.has(i.Ma)),
    NgungSuDung: from.items.filter((i) => !to.byMa.has(i.Ma)),
    ThayDoi: to.items
      .filter((i) => from.byMa.has(i.Ma) && !same(from.byMa.get(i.Ma)!, i))
      .map((i) => ({ Ma: i.Ma, Truoc: from.byMa.get(i.Ma)!, Sau: i })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The five catalog operations every catalog system offers, at the system's own paths.

export interface CatalogOperationsOptions {
  /** e.g. `/dmdc/1.0/Category`: list at base, a catalog at base/{maDanhMuc}, items, versions and changes below it. */
  basePath: string;
  serves: number[];
  /** Owner in the summaries, e.g. "Bộ Tài chính". */
  owner: string;
  examples: {
    /** A catalog code with at least two versions (for thayDoiPhienBan). */
    maDanhMuc: string;
    /** An item code of that catalog's current version. */
    ma: string;
    tuPhienBan: string;
    denPhienBan: string;
  };
}

export type CatalogOperationName = 'layDanhMuc' | 'danhSachDanhMuc' | 'chiTietPhanTu' | 'lichSuPhienBan' | 'thayDoiPhienBan';

/**
 * layDanhMuc, danhSachDanhMuc, chiTietPhanTu, lichSuPhienBan, thayDoiPhienBan. Their request and response schemas live
 * in each connector's schemas/<id>/v1 (the item shape is the connector's own).
 */
export function catalogOperations(o: CatalogOperationsOptions): Record<CatalogOperationName, OperationDefinition<CatalogSeed>> {
  const ex = o.examples;
  return {
    layDanhMuc: {
      summary: `Lấy danh mục dùng chung (${o.owner}) theo mã: phiên bản hiệu lực hôm nay, theo ngày hoặc theo số phiên bản; phân trang, ETag`,
      summaryEn: 'Items of a shared catalog (version in force, as of a date, or by version), paged, with ETag / If-None-Match',
      method: 'GET',
      path: `${o.basePath}/{maDanhMuc}`,
      serves: o.serves,
      example: { query: { maDanhMuc: ex.maDanhMuc } },
      handler: (ctx) => {
        const { input } = ctx;
        const cat = findCatalog(ctx.seed, input.maDanhMuc);
        const v = resolveVersion(ctx, cat, input);
        const items = filterItems(v.items, input.maCha, input.tuKhoa);
        return conditionalReply(ctx, { ...versionHeader(cat, v), ...paginate(items, input.trang, input.soBanGhi ?? 100) });
      },
    },
    danhSachDanhMuc: {
      summary: `Danh sách các danh mục dùng chung (${o.owner}) và phiên bản đang hiệu lực`,
      summaryEn: 'The shared catalogs and the version of each in force',
      method: 'GET',
      path: o.basePath,
      serves: o.serves,
      example: { query: {} },
      handler: (ctx) => {
        const todayIso = isoDay(ctx.now());
        const needle = ctx.input.tuKhoa ? foldVietnamese(ctx.input.tuKhoa) : '';
        const rows = [...catalogIndex(ctx.seed).values()]
          .filter((c) => !needle || foldVietnamese(`${c.meta.MaDanhMuc} ${c.meta.TenDanhMuc}`).includes(needle))
          .map((c) => {
            const versions = visibleVersions(ctx, c);
            const current = versionAt(versions, todayIso) ?? versions[versions.length - 1]!;
            return {
              MaDanhMuc: c.meta.MaDanhMuc,
              TenDanhMuc: c.meta.TenDanhMuc,
              CoQuanBanHanh: c.meta.CoQuanBanHanh,
              MoTa: c.meta.MoTa,
              PhienBanHienHanh: current.meta.PhienBan,
              NgayHieuLuc: current.meta.NgayHieuLuc,
              SoPhanTu: current.items.length,
              SoPhienBan: versions.length,
            };
          });
        return conditionalReply(ctx, paginate(rows, ctx.input.trang, ctx.input.soBanGhi ?? 100));
      },
    },
    chiTietPhanTu: {
      summary: 'Tra cứu một phần tử của danh mục theo mã (phiên bản hiệu lực hôm nay, theo ngày hoặc theo số phiên bản)',
      summaryEn: 'One catalog item by code (version in force, as of a date, or by version)',
      method: 'GET',
      path: `${o.basePath}/{maDanhMuc}/Item/{ma}`,
      serves: o.serves,
      example: { query: { maDanhMuc: ex.maDanhMuc, ma: ex.ma } },
      handler: (ctx) => {
        const cat = findCatalog(ctx.seed, ctx.input.maDanhMuc);
        const v = resolveVersion(ctx, cat, ctx.input);
        const item = v.byMa.get(ctx.input.ma);
        if (!item) {
          throw new NdxpError('RECORD_NOT_FOUND', {
            field: 'ma',
            detailVi: `danh mục ${cat.meta.MaDanhMuc} phiên bản ${v.meta.PhienBan} không có mã ${ctx.input.ma}`,
            detailEn: `catalog ${cat.meta.MaDanhMuc} version ${v.meta.PhienBan} has no code ${ctx.input.ma}`,
          });
        }
        return conditionalReply(ctx, { ...versionHeader(cat, v), PhanTu: item });
      },
    },
    lichSuPhienBan: {
      summary: 'Lịch sử phiên bản của danh mục: số phiên bản, ngày hiệu lực, hết hiệu lực, căn cứ pháp lý',
      summaryEn: 'Version history of a catalog with effective and end dates',
      method: 'GET',
      path: `${o.basePath}/{maDanhMuc}/Version`,
      serves: o.serves,
      example: { query: { maDanhMuc: ex.maDanhMuc } },
      handler: (ctx) => {
        const cat = findCatalog(ctx.seed, ctx.input.maDanhMuc);
        const todayIso = isoDay(ctx.now());
        return conditionalReply(ctx, {
          MaDanhMuc: cat.meta.MaDanhMuc,
          TenDanhMuc: cat.meta.TenDanhMuc,
          DanhSachPhienBan: visibleVersions(ctx, cat).map((v) => ({
            PhienBan: v.meta.PhienBan,
            NgayHieuLuc: v.meta.NgayHieuLuc,
            ...(v.meta.NgayHetHieuLuc ? { NgayHetHieuLuc: v.meta.NgayHetHieuLuc } : {}),
            CanCuPhapLy: v.meta.CanCuPhapLy,
            SoPhanTu: v.items.length,
            TrangThai: trangThai(v, todayIso),
          })),
        });
      },
    },
    thayDoiPhienBan: {
      summary: 'Các thay đổi giữa hai phiên bản của danh mục (thêm mới, ngừng sử dụng, thay đổi) để đồng bộ gia tăng',
      summaryEn: 'Changes between two versions of a catalog (added, retired, changed) for incremental sync',
      method: 'GET',
      path: `${o.basePath}/{maDanhMuc}/Changes`,
      serves: o.serves,
      example: { query: { maDanhMuc: ex.maDanhMuc, tuPhienBan: ex.tuPhienBan, denPhienBan: ex.denPhienBan } },
      handler: (ctx) => {
        const cat = findCatalog(ctx.seed, ctx.input.maDanhMuc);
        const from = resolveVersion(ctx, cat, { phienBan: ctx.input.tuPhienBan });
        const to = ctx.input.denPhienBan ? resolveVersion(ctx, cat, { phienBan: ctx.input.denPhienBan }) : resolveVersion(ctx, cat, {});
        return conditionalReply(ctx, {
          MaDanhMuc: cat.meta.MaDanhMuc,
          TuPhienBan: from.meta.PhienBan,
          DenPhienBan: to.meta.PhienBan,
          ...diff(from, to),
        });
      },
    },
  };
}

/**
 * The catalog-version-change scenario of a catalog connector, checked by the conformance suite on layDanhMuc with its
 * example: the answer carries the revision `<version in force>.1` effective today.
 */
export function catalogVersionChangeScenario(
  versionInForce: string,
  operations: CatalogOperationName[] = ['layDanhMuc', 'danhSachDanhMuc', 'chiTietPhanTu', 'lichSuPhienBan', 'thayDoiPhienBan'],
): ScenarioDefinition {
  return {
    name: CATALOG_VERSION_CHANGE,
    description:
      'Cơ quan chủ quản vừa ban hành phiên bản mới của danh mục, hiệu lực từ hôm nay: số phiên bản và ETag đổi, If-None-Match cũ nhận 200 với dữ liệu mới',
    descriptionEn: 'A new catalog version was just published, in force today: version and ETag change, an old If-None-Match gets 200',
    effect: { handled: true },
    operations,
    expect: { operation: 'layDanhMuc', status: 200, body: { PhienBan: `${versionInForce}.1` } },
  };
}

export interface VersionSpec {
  v: Omit<CatalogVersionMeta, 'MaDanhMuc'>;
  items: ReadonlyArray<{ Ma: string; Ten: string }>;
}

/** Seed-builder helper: `add(catalog, versions)` fills the three flat collections a catalog connector's seed holds. */
export function catalogSeedBuilder() {
  const seed: CatalogSeed = { danhMuc: [], phienBan: [], phanTu: [] };
  const add = (meta: CatalogMeta, versions: VersionSpec[]) => {
    seed.danhMuc.push(meta);
    for (const { v, items } of versions) {
      seed.phienBan.push({ MaDanhMuc: meta.MaDanhMuc, ...v });
      seed.phanTu.push(...items.map((i) => ({ MaDanhMuc: meta.MaDanhMuc, PhienBan: v.PhienBan, ...i })));
    }
  };
  return { seed, add };
}
