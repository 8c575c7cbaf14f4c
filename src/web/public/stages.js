// The six rollout stages (same ids as src/rollout/stages.ts), labelled in both languages.
export const STAGES = [
  ['chua-trien-khai', 'Chưa triển khai', 'Not started'],
  ['dang-ky', 'Đăng ký', 'Registration'],
  ['cap-quyen', 'Cấp quyền', 'Permission granted'],
  ['tich-hop', 'Tích hợp', 'Integration'],
  ['kiem-thu', 'Kiểm thử', 'Testing'],
  ['van-hanh', 'Vận hành', 'In operation'],
];
export const stageLabel = (id, lang) => {
  const s = STAGES.find(([x]) => x === id);
  return s ? (lang === 'en' ? s[2] : s[1]) : id;
};
