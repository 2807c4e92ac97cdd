import type { Permission } from '@sinergi/domain';
import {
  IconBuildingBank,
  IconBuildingCommunity,
  IconCopy,
  IconFileImport,
  IconHistory,
  IconHome,
  IconShieldCheck,
  IconUserCircle,
  IconUserCog,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';

export interface NavItem {
  to: string;
  labelKey: 'dashboard' | 'families' | 'imports' | 'duplicates' | 'privacy' | 'partners' | 'agencies' | 'users' | 'audit' | 'account';
  icon: Icon;
  permission: Permission;
}

/** The menu; each entry shows only to roles holding its permission (see ROLE_PERMISSIONS). */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'dashboard', icon: IconHome, permission: 'dashboard.read' },
  { to: '/keluarga', labelKey: 'families', icon: IconUsersGroup, permission: 'registry.read' },
  { to: '/impor', labelKey: 'imports', icon: IconFileImport, permission: 'registry.write' },
  { to: '/data-ganda', labelKey: 'duplicates', icon: IconCopy, permission: 'registry.write' },
  { to: '/hak-subjek-data', labelKey: 'privacy', icon: IconShieldCheck, permission: 'registry.unmask' },
  { to: '/mitra', labelKey: 'partners', icon: IconBuildingCommunity, permission: 'partners.read' },
  { to: '/opd', labelKey: 'agencies', icon: IconBuildingBank, permission: 'agencies.read' },
  { to: '/pengguna', labelKey: 'users', icon: IconUserCog, permission: 'users.manage' },
  { to: '/audit', labelKey: 'audit', icon: IconHistory, permission: 'audit.read' },
  { to: '/akun', labelKey: 'account', icon: IconUserCircle, permission: 'session' },
];

export function navItemsFor(permissions: readonly Permission[]): NavItem[] {
  return NAV_ITEMS.filter((item) => permissions.includes(item.permission));
}
