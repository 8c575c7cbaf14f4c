/**
 * Who may do what in the rollout tracker: pure functions of the signed-in user and the target, deny by default.
 * Every API route names one of these checks; a route without one cannot be declared.
 */
export const ROLES = ['so-admin', 'agency', 'developer', 'viewer', 'national'] as const;
export type UserRole = (typeof ROLES)[number];

export const ROLE_LABELS: Record<UserRole, { vi: string; en: string }> = {
  'so-admin': { vi: 'Quản trị Sở', en: 'Sở admin' },
  agency: { vi: 'Cơ quan chủ trì', en: 'Lead agency' },
  developer: { vi: 'Nhà phát triển', en: 'Developer' },
  viewer: { vi: 'Chỉ xem', en: 'Viewer' },
  national: { vi: 'Trung ương (xem toàn quốc)', en: 'National (read all provinces)' },
};

export interface Principal {
  username: string;
  role: UserRole;
  /** Home province; none for the national role. */
  province?: string;
  /** For the agency role: the agency id in the province profile. */
  agency?: string;
  /** For the developer role: the sandbox clients it owns. */
  clients: string[];
}

/** The parts of a province profile the rules need. */
export interface AssignmentView {
  assignments: Record<string, { lead: string[]; coordinating: string[] } | undefined>;
}

const home = (p: Principal, province: string) => p.province === province;

/** Reads the province's tracker (rows, scores, history, audit, exports); an agency sees only its rows. */
export function canReadProvince(p: Principal, province: string): boolean {
  if (p.role === 'national') return true;
  return (p.role === 'so-admin' || p.role === 'viewer' || p.role === 'agency') && home(p, province);
}

export function leads(p: Principal, profile: AssignmentView, connector: string): boolean {
  return p.role === 'agency' && !!p.agency && !!profile.assignments[connector]?.lead.includes(p.agency);
}

export function coordinates(p: Principal, profile: AssignmentView, connector: string): boolean {
  return p.role === 'agency' && !!p.agency && !!profile.assignments[connector]?.coordinating.includes(p.agency);
}

export function canReadRow(p: Principal, province: string, profile: AssignmentView, connector: string): boolean {
  if (!canReadProvince(p, province)) return false;
  if (p.role !== 'agency') return true;
  return leads(p, profile, connector) || coordinates(p, profile, connector);
}

/** Moves the row, flags it blocked, attaches evidence, asks for a gate check: the Sở admin, or an agency that leads it. */
export function canWriteRow(p: Principal, province: string, profile: AssignmentView, connector: string): boolean {
  if (!home(p, province)) return false;
  return p.role === 'so-admin' || leads(p, profile, connector);
}

/** Overrides, deadlines, suspension, users, the profile, imports: the Sở admin of that province only. */
export function canAdminProvince(p: Principal, province: string): boolean {
  return p.role === 'so-admin' && home(p, province);
}

/** Sandbox credentials and traffic of a client: the developer who owns it, or the Sở admin of its province. */
export function canUseClient(p: Principal, client: { id: string; province: string }): boolean {
  if (!home(p, client.province)) return false;
  return p.role === 'so-admin' || (p.role === 'developer' && p.clients.includes(client.id));
}

/** Creating a sandbox client for the province: developers and the Sở admin. */
export function canCreateClient(p: Principal, province: string): boolean {
  return home(p, province) && (p.role === 'developer' || p.role === 'so-admin');
}
