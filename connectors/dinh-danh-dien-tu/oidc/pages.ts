import { MUC_DO, type Scope } from '../codes.js';
import { canLogIn, tenTrangThai } from '../accounts.js';
import type { TaiKhoan } from '../seed.js';
import type { Page } from '../../_shared/wire.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Login pages may not be framed (clickjacking) nor load anything from elsewhere. */
export const PAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
};

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d2433}
header{background:#b3261e;color:#fff;padding:14px 24px}header h1{font-size:1.15rem;margin:0}header p{margin:4px 0 0;font-size:.85rem;opacity:.9}
main{max-width:980px;margin:20px auto;background:#fff;padding:20px 24px;border-radius:6px;box-shadow:0 1px 3px #0002}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #e3e5ea;padding:6px 8px;text-align:left}
button{background:#b3261e;color:#fff;border:0;border-radius:4px;padding:5px 12px;cursor:pointer}
.muted{color:#667085;font-size:.85rem}.warn{background:#fff4e5;border-left:4px solid #f79009;padding:8px 12px}
input[type=search]{padding:6px;width:280px}nav a{margin-right:10px}code{background:#f2f4f7;padding:1px 4px}`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head><body>
<header><h1>Hệ thống định danh và xác thực điện tử (VNeID)</h1><p>Môi trường thử nghiệm của trình mô phỏng NDXP · Sandbox</p></header>
<main>${body}</main></body></html>`;
}

const SCOPE_LABEL: Record<Scope, string> = {
  openid: 'số định danh cá nhân',
  profile: 'họ tên, ngày sinh, giới tính',
  phone: 'số điện thoại',
  email: 'thư điện tử',
};

const dmy = (compact: string) => `${compact.slice(6, 8)}/${compact.slice(4, 6)}/${compact.slice(0, 4)}`;

export function loginPage(a: {
  clientName: string;
  scopes: Scope[];
  minLevel?: keyof typeof MUC_DO;
  rid: string;
  q: string;
  page: Page<TaiKhoan>;
  action: string;
  notice?: string;
}): string {
  const rows = a.page.DanhSach.map(
    (t) => `<tr><td>${esc(t.HoVaTen)}</td><td><code>${esc(t.SoDinhDanh)}</code></td><td>${dmy(t.NgayThangNamSinh)}</td>
<td>Mức ${t.MucDoDinhDanh}</td><td>${esc(tenTrangThai(t))}</td>
<td><form method="post" action="${esc(a.action)}"><input type="hidden" name="rid" value="${esc(a.rid)}"><input type="hidden" name="soDinhDanh" value="${esc(t.SoDinhDanh)}">
<button type="submit"${canLogIn(t) ? '' : ' title="Tài khoản không đăng nhập được: dùng để thử trường hợp bị từ chối"'}>Đăng nhập</button></form></td></tr>`,
  ).join('\n');
  const pages = Math.max(1, Math.ceil(a.page.TongSo / a.page.SoBanGhi));
  const link = (n: number) => `${esc(a.action)}?rid=${encodeURIComponent(a.rid)}&amp;q=${encodeURIComponent(a.q)}&amp;trang=${n}`;
  const nav = `<nav>${a.page.Trang > 1 ? `<a href="${link(a.page.Trang - 1)}">« Trang trước</a>` : ''}
<span class="muted">Trang ${a.page.Trang}/${pages} · ${a.page.TongSo} tài khoản</span>
${a.page.Trang < pages ? `<a href="${link(a.page.Trang + 1)}">Trang sau »</a>` : ''}</nav>`;
  return layout(
    'Đăng nhập VNeID (thử nghiệm)',
    `<h2>Đăng nhập bằng tài khoản định danh điện tử</h2>
<p>Ứng dụng <strong>${esc(a.clientName)}</strong> đề nghị đăng nhập và được chia sẻ: ${a.scopes.map((s) => esc(SCOPE_LABEL[s])).join(', ')}.
${a.minLevel ? `<br>Yêu cầu <strong>${esc(MUC_DO[a.minLevel].label.toLowerCase())}</strong> trở lên.` : ''}</p>
${a.notice ? `<p class="warn">${esc(a.notice)}</p>` : ''}
<p class="muted">Chọn một công dân thử nghiệm (dữ liệu tổng hợp, không phải người thật). Tự động hóa không cần trình duyệt:
thêm <code>login_hint=&lt;số định danh&gt;</code> vào yêu cầu <code>/authorize</code>.<br>
<span lang="en">Pick a synthetic test citizen. Scripts: add <code>login_hint=&lt;ID number&gt;</code> to the authorization request.</span></p>
<form method="get" action="${esc(a.action)}"><input type="hidden" name="rid" value="${esc(a.rid)}">
<input type="search" name="q" value="${esc(a.q)}" placeholder="Tìm theo họ tên (không cần dấu)"> <button type="submit">Tìm</button></form>
<table><thead><tr><th>Họ và tên</th><th>Số định danh</th><th>Ngày sinh</th><th>Mức độ</th><th>Trạng thái</th><th></th></tr></thead>
<tbody>${rows || '<tr><td colspan="6">Không có tài khoản phù hợp.</td></tr>'}</tbody></table>${nav}`,
  );
}

export function errorPage(title: string, detailVi: string, detailEn: string): string {
  return layout(title, `<h2>${esc(title)}</h2><p>${esc(detailVi)}</p><p class="muted" lang="en">${esc(detailEn)}</p>`);
}

export function loggedOutPage(): string {
  return layout(
    'Đã đăng xuất',
    '<h2>Bạn đã đăng xuất khỏi VNeID</h2><p>Phiên đăng nhập một lần đã kết thúc trên trình duyệt này.</p><p class="muted" lang="en">You are signed out of VNeID.</p>',
  );
}
