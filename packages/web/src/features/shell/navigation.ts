import type { Permission } from '@sinergi/domain';
import {
  IconBuildingBank,
  IconBuildingCommunity,
  IconChartPie,
  IconCopy,
  IconFileImport,
  IconHistory,
  IconHome,
  IconHomeHand,
  IconListCheck,
  IconRoute,
  IconSchool,
  IconSend,
  IconShieldCheck,
  IconUserCircle,
  IconUserCog,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';

export interface NavItem {
  to: string;
  labelKey: 'dashboard' | 'families' | 'referrals' | 'programs' | 'coverage' | 'pathways' | 'training' | 'imports' | 'duplicates' | 'privacy' | 'partners' | 'agencies' | 'users' | 'audit' | 'account' | 'renovation';
  icon: Icon;
  permission: Permission;
}

/** The menu; each entry shows only to roles holding its permission (see ROLE_PERMISSIONS). */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'dashboard', icon: IconHome, permission: 'dashboard.read' },
  { to: '/keluarga', labelKey: 'families', icon: IconUsersGroup, permission: 'registry.read' },
  { to: '/program', labelKey: 'programs', icon: IconListCheck, permission: 'programs.read' },
  { to: '/lintas-program', labelKey: 'coverage', icon: IconChartPie, permission: 'programs.read' },
  { to: '/jalan-keluar', labelKey: 'pathways', icon: IconRoute, permission: 'pathways.read' },
  { to: '/pelatihan', labelKey: 'training', icon: IconSchool, permission: 'training.read' },
  { to: '/rujukan', labelKey: 'referrals', icon: IconSend, permission: 'referrals.read' },
  { to: '/impor', labelKey: 'imports', icon: IconFileImport, permission: 'registry.write' },
  { to: '/data-ganda', labelKey: 'duplicates', icon: IconCopy, permission: 'registry.write' },
  { to: '/hak-subjek-data', labelKey: 'privacy', icon: IconShieldCheck, permission: 'registry.unmask' },
  { to: '/rumah', labelKey: 'renovation', icon: IconHomeHand, permission: 'renovation.read' },
  { to: '/mitra', labelKey: 'partners', icon: IconBuildingCommunity, permission: 'partners.read' },
  { to: '/opd', labelKey: 'agencies', icon: IconBuildingBank, permission: 'agencies.read' },
  { to: '/pengguna', labelKey: 'users', icon: IconUserCog, permission: 'users.manage' },
  { to: '/audit', labelKey: 'audit', icon: IconHistory, permission: 'audit.read' },
  { to: '/akun', labelKey: 'account', icon: IconUserCircle, permission: 'session' },
];

export function navItemsFor(permissions: readonly Permission[]): NavItem[] {
  return NAV_ITEMS.filter((item) => permissions.includes(item.permission));
}
