import { NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { TRAINING_PLACE_KINDS, TRAINING_PLACE_LABELS, TrainingCohortInput, type TrainingCohort, type TrainingPlaceKind } from '@sinergi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifySuccess } from '../../api/query-client.ts';
import { FormActions, FormModal } from '../../components/FormModal.tsx';
import { zodValidator } from '../../i18n/validation.tsx';
import { usePartners } from '../partners/api.ts';
import { useLocalText } from '../programs/local-text.ts';
import { createCohort, trainingQueryKey, updateCohort, useCourses } from './api.ts';

interface Values {
  courseId: string;
  name: string;
  placeKind: TrainingPlaceKind;
  placeName: string;
  placePartnerId: string | null;
  startDate: string;
  endDate: string;
  trainers: string[];
  seats: number | string;
}

function toInput(values: Values): TrainingCohortInput {
  return { ...values, placePartnerId: values.placePartnerId || null, seats: Number(values.seats) };
}

/** Creates a cohort (with one session per working day) or edits an open one. */
export function CohortFormModal({ cohort, opened, onClose }: { cohort: TrainingCohort | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={cohort ? t('training.editCohort') : t('training.createCohort')} size="xl">
      {() => <CohortForm key={cohort?.id ?? 'new'} cohort={cohort} onDone={onClose} />}
    </FormModal>
  );
}

function CohortForm({ cohort, onDone }: { cohort: TrainingCohort | null; onDone: () => void }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const courses = useCourses({ pageSize: 200 });
  const partners = usePartners({ pageSize: 200 });
  const schemaErrors = zodValidator<TrainingCohortInput>(TrainingCohortInput);
  const form = useForm<Values>({
    initialValues: {
      courseId: cohort?.courseId ?? '', name: cohort?.name ?? '', placeKind: cohort?.placeKind ?? 'lpk', placeName: cohort?.placeName ?? '',
      placePartnerId: cohort?.placePartnerId ?? null, startDate: cohort?.startDate ?? '', endDate: cohort?.endDate ?? '', trainers: cohort?.trainers ?? [],
      seats: cohort?.seats ?? 20,
    },
    validate: (values) => schemaErrors(toInput(values)),
  });
  const save = useMutation({
    mutationFn: (input: TrainingCohortInput) => {
      if (!cohort) return createCohort(input);
      const { courseId: _courseId, sessions: _sessions, ...fields } = input;
      return updateCohort(cohort.id, { ...fields, version: cohort.version });
    },
    onSuccess: async (saved) => {
      notifySuccess(t('training.cohortSaved', { name: saved.name }));
      await queryClient.invalidateQueries({ queryKey: trainingQueryKey });
      onDone();
      if (!cohort) void navigate(`/pelatihan/angkatan/${saved.id}`);
    },
  });
  const prisonOnly = form.values.placeKind === 'prison';
  const partnerOptions = (partners.data?.items ?? []).filter((p) => !prisonOnly || p.type === 'prison').map((p) => ({ value: p.id, label: p.name }));
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(toInput(values)))} noValidate>
      <Stack>
        <Select
          label={t('training.cohort.course')}
          withAsterisk
          searchable
          disabled={cohort !== null}
          data={(courses.data?.items ?? []).filter((c) => c.canManage || c.id === cohort?.courseId).map((c) => ({ value: c.id, label: c.name }))}
          {...form.getInputProps('courseId')}
        />
        <TextInput label={t('training.cohort.name')} withAsterisk {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('training.cohort.placeKind')}
            withAsterisk
            allowDeselect={false}
            data={TRAINING_PLACE_KINDS.map((kind) => ({ value: kind, label: text(TRAINING_PLACE_LABELS[kind]) }))}
            {...form.getInputProps('placeKind')}
          />
          <Select label={t('training.cohort.placePartner')} clearable searchable data={partnerOptions} {...form.getInputProps('placePartnerId')} />
        </SimpleGrid>
        <TextInput label={t('training.cohort.placeName')} withAsterisk {...form.getInputProps('placeName')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="date" label={t('training.cohort.startDate')} withAsterisk {...form.getInputProps('startDate')} />
          <TextInput type="date" label={t('training.cohort.endDate')} withAsterisk {...form.getInputProps('endDate')} />
          <NumberInput label={t('training.cohort.seats')} min={1} max={1000} withAsterisk {...form.getInputProps('seats')} />
        </SimpleGrid>
        <TagsInput label={t('training.cohort.trainers')} description={t('training.cohort.trainersHint')} {...form.getInputProps('trainers')} />
        {!cohort && <TextInput readOnly variant="unstyled" label={t('training.cohort.sessions')} value={t('training.cohort.sessionsHint')} />}
        <FormActions onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}
