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
  },
};

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
