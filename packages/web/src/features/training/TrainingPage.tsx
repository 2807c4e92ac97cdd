import { Button, Group, NativeSelect, Paper, SimpleGrid, Tabs } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { TRAINING_PLACE_KINDS, TRAINING_PLACE_LABELS, TrainingCohortStatus, TrainingPlaceKind, type TrainingCourse } from '@sinergi/domain';
import { IconChartBar, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PagedResult } from '../../components/PagedResult.tsx';
import { useListParams } from '../../components/useListParams.ts';
import { useCan } from '../auth/session.ts';
import { useLocalText } from '../programs/local-text.ts';
import { useCohorts, useCourses } from './api.ts';
import { CohortFormModal } from './CohortFormModal.tsx';
import { CohortsTable } from './CohortsTable.tsx';
import { CourseFormModal } from './CourseFormModal.tsx';
import { CoursesTable } from './CoursesTable.tsx';
import { FollowUpsPanel } from './FollowUpsPanel.tsx';

const TABS = ['cohorts', 'courses', 'followUps'] as const;
type Tab = (typeof TABS)[number];

export default function TrainingPage() {
  const { t } = useTranslation();
  const canManage = useCan('training.manage');
  const params = useListParams();
  const tab: Tab = TABS.find((value) => value === params.get('tab')) ?? 'cohorts';
  const [courseOpened, course] = useDisclosure(false);
  const [cohortOpened, cohort] = useDisclosure(false);
  const [editing, setEditing] = useState<TrainingCourse | null>(null);
  const editCourse = (value: TrainingCourse | null) => {
    setEditing(value);
    course.open();
  };

  return (
    <>
      <PageHeader
        title={t('training.title')}
        description={t('training.description')}
        actions={
          <Group gap="xs">
            <Button component={Link} to="/pelatihan/laporan" variant="default" leftSection={<IconChartBar size={16} aria-hidden />}>{t('training.reports')}</Button>
            {canManage && <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => editCourse(null)}>{t('training.createCourse')}</Button>}
            {canManage && <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={cohort.open}>{t('training.createCohort')}</Button>}
          </Group>
        }
      />
      <Tabs value={tab} onChange={(value) => params.set({ tab: value === 'cohorts' ? null : value, page: null })} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((value) => <Tabs.Tab key={value} value={value}>{t(`training.tabs.${value}`)}</Tabs.Tab>)}
        </Tabs.List>
        <Tabs.Panel value="cohorts"><CohortsTab /></Tabs.Panel>
        <Tabs.Panel value="courses"><CoursesTab onEdit={canManage ? editCourse : undefined} /></Tabs.Panel>
        <Tabs.Panel value="followUps"><FollowUpsPanel /></Tabs.Panel>
      </Tabs>
      {canManage && <CourseFormModal course={editing} opened={courseOpened} onClose={course.close} />}
      {canManage && <CohortFormModal cohort={null} opened={cohortOpened} onClose={cohort.close} />}
    </>
  );
}

function CohortsTab() {
  const { t } = useTranslation();
  const text = useLocalText();
  const params = useListParams();
  const courses = useCourses({ pageSize: 200 });
  const cohorts = useCohorts({
    courseId: params.get('courseId') || undefined,
    status: TrainingCohortStatus.safeParse(params.get('status')).data,
    placeKind: TrainingPlaceKind.safeParse(params.get('placeKind')).data,
    page: params.page,
    pageSize: params.getNumber('pageSize', 25),
  });
  return (
    <>
      <Paper withBorder p="md" radius="md" mb="md" component="section" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('training.cohort.course')}
            value={params.get('courseId')}
            onChange={(event) => params.set({ courseId: event.currentTarget.value })}
            data={[{ value: '', label: t('common.all') }, ...(courses.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))]}
          />
          <NativeSelect
            label={t('training.cohort.status')}
            value={params.get('status')}
            onChange={(event) => params.set({ status: event.currentTarget.value })}
            data={[{ value: '', label: t('common.all') }, ...(['open', 'completed'] as const).map((s) => ({ value: s, label: t(`training.cohort.status_${s}`) }))]}
          />
          <NativeSelect
            label={t('training.cohort.placeKind')}
            value={params.get('placeKind')}
            onChange={(event) => params.set({ placeKind: event.currentTarget.value })}
            data={[{ value: '', label: t('common.all') }, ...TRAINING_PLACE_KINDS.map((kind) => ({ value: kind, label: text(TRAINING_PLACE_LABELS[kind]) }))]}
          />
        </SimpleGrid>
      </Paper>
      <PagedResult query={cohorts} emptyTitle={t('training.emptyCohorts')}>{(items) => <CohortsTable items={items} />}</PagedResult>
    </>
  );
}

function CoursesTab({ onEdit }: { onEdit?: (course: TrainingCourse) => void }) {
  const { t } = useTranslation();
  const params = useListParams();
  const courses = useCourses({ page: params.page, pageSize: params.getNumber('pageSize', 25) });
  return <PagedResult query={courses} emptyTitle={t('training.emptyCourses')}>{(items) => <CoursesTable items={items} onEdit={onEdit} />}</PagedResult>;
}
