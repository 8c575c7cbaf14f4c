// Vietnamese first; English on request (remembered in localStorage).
const DICT = {
  vi: {
    skip: 'Bỏ qua đến nội dung chính', title: 'Bộ giả lập Nền tảng chia sẻ dữ liệu quốc gia', navLabel: 'Điều hướng chính',
    navOverview: 'Tổng quan', navConnectors: 'Kết nối', navAgency: 'Đơn vị chủ trì', navDeveloper: 'Nhà phát triển', navDocs: 'Tài liệu API',
    loading: 'Đang tải…', footer: 'Dữ liệu giả lập, không phải dữ liệu thật. Dữ liệu cá nhân trong nhật ký được che theo Nghị định 13/2023/NĐ-CP.',
    province: 'Tỉnh', connectors: 'Hệ thống kết nối', operations: 'Nghiệp vụ', soapConnectors: 'Có SOAP', statefulConnectors: 'Có hồ sơ liên thông',
    search: 'Tìm kiếm', searchHint: 'tên hệ thống, bộ chủ quản, đơn vị…', kind: 'Loại tương tác', all: 'Tất cả',
    stt: 'STT', system: 'Hệ thống', owner: 'Bộ, ngành chủ quản', lead: 'Đơn vị chủ trì', coordinating: 'Đơn vị phối hợp', protocol: 'Giao thức',
    purposes: 'Mục đích khai thác', scenarios: 'Kịch bản giả lập lỗi', example: 'Ví dụ yêu cầu', tryIt: 'Thử ngay', response: 'Kết quả',
    needSignIn: 'Đăng nhập ở trang Nhà phát triển để thử gọi dịch vụ bằng ứng dụng sandbox của bạn.', scenario: 'Kịch bản', none: '(không)',
    method: 'Phương thức', path: 'Đường dẫn', schemas: 'Lược đồ', request: 'Yêu cầu', recentTraffic: 'Giao dịch gần đây của bạn',
    devTitle: 'Bàn làm việc của nhà phát triển', clientId: 'Mã ứng dụng (client id)', clientSecret: 'Mật khẩu ứng dụng (client secret)',
    signIn: 'Lấy token', signOut: 'Đăng xuất', tokenValid: 'Token còn hiệu lực đến', scopes: 'Phạm vi được cấp', journal: 'Nhật ký giao dịch (dữ liệu cá nhân đã được che)',
    time: 'Thời điểm', status: 'Trạng thái', duration: 'Thời gian (ms)', validation: 'Kiểm tra dữ liệu', problems: 'Lỗi theo trường',
    clientScenario: 'Kịch bản cho mọi lời gọi của ứng dụng', apply: 'Áp dụng', clear: 'Bỏ kịch bản', minutes: 'Trong (phút)',
    scenarioSet: 'Đã đặt kịch bản', scenarioCleared: 'Đã bỏ kịch bản', signInFailed: 'Không lấy được token', noTraffic: 'Chưa có giao dịch nào.',
    agencyTitle: 'Kết nối theo đơn vị chủ trì', agency: 'Đơn vị', connectorCount: 'Số hệ thống', open: 'Mở', back: 'Quay lại danh sách',
    overviewTitle: 'Tổng quan kết nối 24 hệ thống quốc gia qua NDXP', deadline: 'Hạn hoàn thành', kinds: 'Loại tương tác',

    navSo: 'Điều hành (Sở)', navQueues: 'Hàng đợi', signInUser: 'Đăng nhập', username: 'Tên đăng nhập', password: 'Mật khẩu',
    account: 'Tài khoản', changePassword: 'Đổi mật khẩu', currentPassword: 'Mật khẩu hiện tại', newPassword: 'Mật khẩu mới (ít nhất 10 ký tự)', passwordChanged: 'Đã đổi mật khẩu; các phiên đăng nhập khác đã bị hủy',
    loginTitle: 'Đăng nhập hệ thống theo dõi triển khai', loginHint: 'Tài khoản mẫu: admin.an-giang, tai-chinh.an-giang, cong-an.an-giang, tu-phap.an-giang, dev.an-giang, viewer.an-giang (xem README).',
    needUser: 'Cần đăng nhập để xem trang này.', forbidden: 'Tài khoản của bạn không có quyền xem nội dung này (403).',
    'role.so-admin': 'Quản trị Sở', 'role.agency': 'Cơ quan chủ trì', 'role.developer': 'Nhà phát triển', 'role.viewer': 'Chỉ xem', 'role.national': 'Toàn quốc',
    soTitle: 'Điều hành triển khai kết nối NDXP', readiness: 'Mức sẵn sàng của tỉnh', inOperation: 'Đang vận hành', overdue: 'Quá hạn', blocked: 'Bị chặn', rows: 'Số dòng',
    matrix: 'Ma trận hệ thống × giai đoạn', stage: 'Giai đoạn', daysLate: 'Số ngày trễ', blockedReason: 'Lý do bị chặn', onlyOverdue: 'Chỉ dòng quá hạn',
    exportCsv: 'Xuất CSV', exportXlsx: 'Xuất XLSX', monthlyReport: 'Báo cáo tháng (bản in)', month: 'Tháng', build: 'Lập báo cáo', reportReady: 'Đã lập báo cáo',
    chartBurnUp: 'Số hệ thống vận hành theo thời gian', chartByAgency: 'Giai đoạn theo đơn vị chủ trì', chartSyncRate: 'Tỷ lệ đồng bộ DVCQG theo ngày (%)', noData: 'Chưa có dữ liệu.',
    myConnectors: 'Các hệ thống đơn vị đang chủ trì / phối hợp', missingEvidence: 'Bằng chứng còn thiếu', history: 'Lịch sử thay đổi', notes: 'Ghi chú',
    evidence: 'Bằng chứng', moveTo: 'Chuyển sang giai đoạn', reason: 'Lý do', move: 'Chuyển', moved: 'Đã chuyển giai đoạn', attach: 'Đính kèm bằng chứng',
    evidenceText: 'Nội dung bằng chứng', evidenceUrl: 'Liên kết văn bản (không bắt buộc)', attached: 'Đã đính kèm', checkGate: 'Kiểm tra cổng bằng chứng', gatePassed: 'Đủ bằng chứng',
    who: 'Người thực hiện', action: 'Thao tác', health: 'Tình trạng vận hành (uptime)', checks: 'Số lần kiểm tra', lastCheck: 'Lần kiểm tra gần nhất', noHealth: 'Chưa có lần kiểm tra nào (chỉ kiểm tra hệ thống đang vận hành).',
    sandbox: 'Thông tin ứng dụng sandbox', myClients: 'Ứng dụng sandbox của tài khoản', webhooks: 'Đăng ký webhook', webhookUrl: 'Địa chỉ nhận (URL)', batchSize: 'Số sự kiện mỗi lần gửi', subscribe: 'Đăng ký',
    deadLetters: 'Thư chết (giao không thành công)', replay: 'Gửi lại', replayed: 'Đã xếp lịch gửi lại', dossiers: 'Hồ sơ và dòng thời gian', timeline: 'Dòng thời gian',
    delivered: 'Đã giao', pending: 'Chờ giao', dead: 'Thư chết', syncedDvcqg: 'Đồng bộ DVCQG', notSynced: 'Chưa đồng bộ', remove: 'Xóa', attempts: 'Số lần thử', error: 'Lỗi',
    rowDetail: 'Chi tiết dòng theo dõi', gate: 'Cổng', stageSince: 'Ở giai đoạn này từ',
  },
  en: {
    skip: 'Skip to main content', title: 'National Data Exchange Platform simulator', navLabel: 'Main navigation',
    navOverview: 'Overview', navConnectors: 'Connectors', navAgency: 'Lead agencies', navDeveloper: 'Developers', navDocs: 'API reference',
    loading: 'Loading…', footer: 'Simulated data, not real data. Personal data in the journal is masked (Decree 13/2023/ND-CP).',
    province: 'Province', connectors: 'Connected systems', operations: 'Operations', soapConnectors: 'With SOAP', statefulConnectors: 'With dossiers',
    search: 'Search', searchHint: 'system, ministry, agency…', kind: 'Interaction kind', all: 'All',
    stt: 'No.', system: 'System', owner: 'Owning ministry', lead: 'Lead agency', coordinating: 'Coordinating', protocol: 'Protocol',
    purposes: 'Purposes', scenarios: 'Fault scenarios', example: 'Example request', tryIt: 'Try it', response: 'Response',
    needSignIn: 'Sign in on the Developers page to call the service with your sandbox client.', scenario: 'Scenario', none: '(none)',
    method: 'Method', path: 'Path', schemas: 'Schemas', request: 'Request', recentTraffic: 'Your recent traffic',
    devTitle: 'Developer console', clientId: 'Client id', clientSecret: 'Client secret',
    signIn: 'Get a token', signOut: 'Sign out', tokenValid: 'Token valid until', scopes: 'Granted scopes', journal: 'Traffic journal (personal data masked)',
    time: 'Time', status: 'Status', duration: 'Duration (ms)', validation: 'Validation', problems: 'Field problems',
    clientScenario: 'Scenario for every call of this client', apply: 'Apply', clear: 'Clear scenario', minutes: 'For (minutes)',
    scenarioSet: 'Scenario set', scenarioCleared: 'Scenario cleared', signInFailed: 'Could not get a token', noTraffic: 'No traffic yet.',
    agencyTitle: 'Connectors by lead agency', agency: 'Agency', connectorCount: 'Systems', open: 'Open', back: 'Back to the list',
    overviewTitle: 'Connecting the 24 national systems through NDXP', deadline: 'Deadline', kinds: 'Interaction kinds',

    navSo: 'Sở operations', navQueues: 'Queues', signInUser: 'Sign in', username: 'User name', password: 'Password',
    account: 'Account', changePassword: 'Change password', currentPassword: 'Current password', newPassword: 'New password (at least 10 characters)', passwordChanged: 'Password changed; your other sessions were signed out',
    loginTitle: 'Sign in to the rollout tracker', loginHint: 'Demo accounts: admin.an-giang, tai-chinh.an-giang, cong-an.an-giang, tu-phap.an-giang, dev.an-giang, viewer.an-giang (see the README).',
    needUser: 'Sign in to see this page.', forbidden: 'Your account may not see this (403).',
    'role.so-admin': 'Sở admin', 'role.agency': 'Lead agency', 'role.developer': 'Developer', 'role.viewer': 'Viewer', 'role.national': 'National',
    soTitle: 'NDXP rollout operations', readiness: 'Province readiness', inOperation: 'In operation', overdue: 'Overdue', blocked: 'Blocked', rows: 'Rows',
    matrix: 'Systems × stages matrix', stage: 'Stage', daysLate: 'Days late', blockedReason: 'Blocked because', onlyOverdue: 'Overdue rows only',
    exportCsv: 'Export CSV', exportXlsx: 'Export XLSX', monthlyReport: 'Monthly report (printable)', month: 'Month', build: 'Build report', reportReady: 'Report built',
    chartBurnUp: 'Systems in operation over time', chartByAgency: 'Stages by lead agency', chartSyncRate: 'DVCQG sync rate per day (%)', noData: 'No data yet.',
    myConnectors: 'Systems your agency leads or coordinates', missingEvidence: 'Missing evidence', history: 'History', notes: 'Notes',
    evidence: 'Evidence', moveTo: 'Move to stage', reason: 'Reason', move: 'Move', moved: 'Stage changed', attach: 'Attach evidence',
    evidenceText: 'Evidence text', evidenceUrl: 'Document link (optional)', attached: 'Attached', checkGate: 'Check the evidence gate', gatePassed: 'Evidence complete',
    who: 'By', action: 'Action', health: 'Health (uptime)', checks: 'Checks', lastCheck: 'Last check', noHealth: 'No check yet (only systems in operation are checked).',
    sandbox: 'Sandbox credentials', myClients: 'Your sandbox clients', webhooks: 'Webhook subscriptions', webhookUrl: 'Receiver URL', batchSize: 'Events per request', subscribe: 'Subscribe',
    deadLetters: 'Dead letters (failed deliveries)', replay: 'Replay', replayed: 'Replay scheduled', dossiers: 'Dossiers and timelines', timeline: 'Timeline',
    delivered: 'Delivered', pending: 'Pending', dead: 'Dead letter', syncedDvcqg: 'Synced to DVCQG', notSynced: 'Not synced', remove: 'Remove', attempts: 'Attempts', error: 'Error',
    rowDetail: 'Tracking row', gate: 'Gate', stageSince: 'In this stage since',
  },
};

export const locale = () => (lang === 'en' ? 'en-GB' : 'vi-VN');
export let lang = localStorage.getItem('ndxp-lang') === 'en' ? 'en' : 'vi';
export const t = (key) => DICT[lang][key] ?? DICT.vi[key] ?? key;

export function setLang(next) {
  lang = next;
  localStorage.setItem('ndxp-lang', next);
}

/** Applies the dictionary to static markup (data-i18n, data-i18n-aria). */
export function translateStatic(root = document) {
  document.documentElement.lang = lang;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
}
