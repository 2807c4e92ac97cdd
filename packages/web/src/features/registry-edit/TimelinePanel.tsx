import { Alert, Anchor, Skeleton, Text, Timeline } from '@mantine/core';
import type { TimelineEvent } from '@sinergi/domain';
import { IconAlertTriangle, IconEdit, IconFileImport, IconGitMerge, IconHeartHandshake, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useLocalized } from '../imports/localized.ts';
import { useFamilyTimeline } from './api.ts';

function EventIcon({ event }: { event: TimelineEvent }) {
  if (event.kind.includes('import')) return <IconFileImport size={14} aria-hidden />;
  if (event.kind.includes('merge')) return <IconGitMerge size={14} aria-hidden />;
  if (event.source === 'membership') return <IconUsers size={14} aria-hidden />;
  if (event.source === 'registry') return <IconEdit size={14} aria-hidden />;
  return <IconHeartHandshake size={14} aria-hidden />;
}

/** "Linimasa": everything that happened to the family, newest first; each module adds its own events. */
export function TimelinePanel({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const localized = useLocalized();
  const timeline = useFamilyTimeline(familyId);
  if (timeline.error) return <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />;
  if (!timeline.data) return <Skeleton height={200} radius="md" aria-label={t('common.loading')} />;
  const { items, truncated, unavailableSources } = timeline.data;
  return (
    <>
      {unavailableSources.length > 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} mb="md">
          {t('timeline.unavailable', { sources: unavailableSources.join(', ') })}
        </Alert>
      )}
      {items.length === 0 ? (
        <EmptyState title={t('timeline.emptyTitle')} />
      ) : (
        <Timeline bulletSize={24} lineWidth={2}>
          {items.map((event, index) => (
            <Timeline.Item key={`${event.at}-${event.kind}-${String(index)}`} bullet={<EventIcon event={event} />} title={localized(event.title)}>
              {event.detail && <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>{localized(event.detail)}</Text>}
              <Text fz="xs" c="dimmed" mt={2}>
                {event.allDay ? format.date(event.at) : format.dateTime(event.at)}
                {event.actor && ` · ${event.actor.username}`}
              </Text>
              {event.link && <Anchor component={Link} to={event.link} fz="xs">{t('timeline.open')}</Anchor>}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {truncated && <Text fz="sm" c="dimmed" mt="md">{t('timeline.truncated', { count: items.length })}</Text>}
    </>
  );
}
