import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import type { AreaRef, RegionDetail } from '@sinergi/domain';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { useSession } from '../features/auth/session.ts';

/** Where a drill-down link goes: this page with `param` set to the region (removed for the jurisdiction), other filters kept, page 1. */
export function useAreaHref(param: string): (code: string | null) => string {
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  return useCallback((code: string | null) => {
    const next = new URLSearchParams(params);
    if (code) next.set(param, code);
    else next.delete(param);
    next.delete('page');
    const query = next.toString();
    return query ? `${pathname}?${query}` : pathname;
  }, [params, pathname, param]);
}

/** The way back from a drilled-down area: the regions above it as links (the first is the jurisdiction), the area itself as the current page. */
export function AreaTrail({ parents, area, href }: { parents: readonly AreaRef[]; area: AreaRef; href: (code: string | null) => string }) {
  const { t } = useTranslation();
  if (parents.length === 0) return null;
  return (
    <Breadcrumbs component="nav" aria-label={t('region.trail')} mb="md">
      {parents.map((parent, index) => (
        <Anchor key={parent.code} component={Link} to={href(index === 0 ? null : parent.code)} fz="sm">{parent.name}</Anchor>
      ))}
      <Text fz="sm" aria-current="page">{area.name}</Text>
    </Breadcrumbs>
  );
}

/** A breakdown row's region: a link one level down while a deeper breakdown exists, else its name. */
export function AreaDrillLink({ area, href, canDrill }: { area: AreaRef; href: (code: string | null) => string; canDrill: boolean }) {
  const { t } = useTranslation();
  if (!canDrill) return <Text fz="sm" span>{area.name}</Text>;
  return <Anchor component={Link} to={href(area.code)} fz="sm" aria-label={t('region.drillDown', { name: area.name })}>{area.name}</Anchor>;
}

/**
 * The area and the regions above it up to the jurisdiction, for pages whose answers do not carry them (from the region
 * tree, cached); null for the jurisdiction itself or while loading.
 */
export function useAreaTrailOf(code: string | null): { parents: AreaRef[]; area: AreaRef } | null {
  const me = useSession();
  const detail = useQuery({
    queryKey: ['regions', 'detail', code],
    queryFn: ({ signal }) => api<RegionDetail>(`/regions/${encodeURIComponent(code ?? '')}`, { signal }),
    enabled: code !== null && code !== me.jurisdiction.code,
    staleTime: Infinity,
  });
  if (!detail.data || code === null) return null;
  const depth = me.jurisdiction.code.split('.').length;
  const parents = detail.data.ancestors.filter((region) => region.level >= depth).map(({ code: c, name }) => ({ code: c, name }));
  return { parents, area: { code: detail.data.code, name: detail.data.name } };
}
