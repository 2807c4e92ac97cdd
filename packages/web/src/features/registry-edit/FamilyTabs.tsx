import { Tabs } from '@mantine/core';
import { IconChartBar, IconHistory, IconId, IconTimeline, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DesilHistoryPanel } from './DesilHistoryPanel.tsx';
import { FamilyHistoryPanel } from './FamilyHistoryPanel.tsx';
import { MembershipPanel } from './MembershipPanel.tsx';
import { TimelinePanel } from './TimelinePanel.tsx';

const TABS = ['profil', 'riwayat', 'desil', 'keanggotaan', 'linimasa'] as const;
type Tab = (typeof TABS)[number];

const ICONS = { profil: IconId, riwayat: IconHistory, desil: IconChartBar, keanggotaan: IconUsers, linimasa: IconTimeline } as const;

/** The family profile's sections; the chosen one is kept in the address so that it survives a reload or a shared link. */
export function FamilyTabs({ familyId, profile }: { familyId: string; profile: ReactNode }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = TABS.find((name) => name === requested) ?? 'profil';
  const choose = (value: string | null) => {
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (!value || value === 'profil') next.delete('tab');
      else next.set('tab', value);
      return next;
    }, { replace: true });
  };

  return (
    <Tabs value={tab} onChange={choose} keepMounted={false}>
      <Tabs.List mb="md">
        {TABS.map((name) => {
          const Icon = ICONS[name];
          return <Tabs.Tab key={name} value={name} leftSection={<Icon size={16} aria-hidden />}>{t(`familyTabs.${name}`)}</Tabs.Tab>;
        })}
      </Tabs.List>
      <Tabs.Panel value="profil">{profile}</Tabs.Panel>
      <Tabs.Panel value="riwayat"><FamilyHistoryPanel familyId={familyId} /></Tabs.Panel>
      <Tabs.Panel value="desil"><DesilHistoryPanel familyId={familyId} /></Tabs.Panel>
      <Tabs.Panel value="keanggotaan"><MembershipPanel familyId={familyId} /></Tabs.Panel>
      <Tabs.Panel value="linimasa"><TimelinePanel familyId={familyId} /></Tabs.Panel>
    </Tabs>
  );
}
