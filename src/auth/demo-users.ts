import type { Logger } from '../logging.js';
import type { UserRole } from './policy.js';
import { UserExistsError, type UserStore } from './users.js';

export interface DemoUser {
  username: string;
  name: string;
  role: UserRole;
  agency?: string;
  /** Developer: owns the demo sandbox client. */
  ownsDemoClient?: boolean;
  national?: boolean;
}

/** The demo accounts for the default province (README "Rollout tracker" lists them). */
export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', name: 'Quản trị Sở Khoa học và Công nghệ', role: 'so-admin' },
  { username: 'tai-chinh', name: 'Sở Tài chính', role: 'agency', agency: 'so-tai-chinh' },
  { username: 'cong-an', name: 'Công an tỉnh', role: 'agency', agency: 'cong-an-tinh' },
  { username: 'tu-phap', name: 'Sở Tư pháp', role: 'agency', agency: 'so-tu-phap' },
  { username: 'dev', name: 'Nhà phát triển hệ thống TTHC', role: 'developer', ownsDemoClient: true },
  { username: 'viewer', name: 'Lãnh đạo UBND tỉnh (chỉ xem)', role: 'viewer' },
  { username: 'national', name: 'Cục Chuyển đổi số quốc gia (xem toàn quốc)', role: 'national', national: true },
];

/** Creates the demo accounts that do not exist yet (first start); never changes existing ones. */
export async function seedDemoUsers(users: UserStore, opts: { province: string; demoClientId: string; adminPassword: string; userPassword: string; agencies: Set<string>; logger: Logger }): Promise<string[]> {
  const created: string[] = [];
  for (const d of DEMO_USERS) {
    const username = d.national ? 'national' : `${d.username}.${opts.province}`;
    if (d.agency && !opts.agencies.has(d.agency)) continue;
    if (await users.get(username)) continue;
    try {
      await users.create({
        username, name: d.name, role: d.role,
        password: d.role === 'so-admin' || d.national ? opts.adminPassword : opts.userPassword,
        ...(d.national ? {} : { province: opts.province }),
        ...(d.agency ? { agency: d.agency } : {}),
        clients: d.ownsDemoClient ? [opts.demoClientId] : [],
      });
      created.push(username);
    } catch (e) {
      // Another instance starting at the same time created it first: fine.
      if (!(e instanceof UserExistsError)) throw e;
    }
  }
  if (created.length) opts.logger.info('demo rollout users created', { users: created });
  return created;
}
