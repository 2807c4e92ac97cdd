import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { TRAINING_SKILL_LABELS, TRAINING_SKILLS, TrainingCourseInput, type TrainingCourse, type TrainingSkill } from '@sinergi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { FormActions, FormModal } from '../../components/FormModal.tsx';
import { zodValidator } from '../../i18n/validation.tsx';
import { usePartners } from '../partners/api.ts';
import { useLocalText } from '../programs/local-text.ts';
import { createCourse, trainingQueryKey, updateCourse } from './api.ts';

interface Values {
  name: string;
  skill: TrainingSkill;
  lpkPartnerId: string | null;
  hours: number | string;
  minAttendancePercent: number | string;
  description: string;
}

function toInput(values: Values): TrainingCourseInput {
  return {
    name: values.name, skill: values.skill, lpkPartnerId: values.lpkPartnerId || null, description: values.description,
    hours: values.hours === '' ? null : Number(values.hours), minAttendancePercent: Number(values.minAttendancePercent),
  };
}

export function CourseFormModal({ course, opened, onClose }: { course: TrainingCourse | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={course ? t('training.editCourse') : t('training.createCourse')}>
      {() => <CourseForm key={course?.id ?? 'new'} course={course} onDone={onClose} />}
    </FormModal>
  );
}

function CourseForm({ course, onDone }: { course: TrainingCourse | null; onDone: () => void }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const queryClient = useQueryClient();
  const lpks = usePartners({ type: 'lpk', pageSize: 200 });
  const schemaErrors = zodValidator<TrainingCourseInput>(TrainingCourseInput);
  const form = useForm<Values>({
    initialValues: {
      name: course?.name ?? '', skill: course?.skill ?? 'sewing', lpkPartnerId: course?.lpkPartnerId ?? null, hours: course?.hours ?? '',
      minAttendancePercent: course?.minAttendancePercent ?? 80, description: course?.description ?? '',
    },
    validate: (values) => schemaErrors(toInput(values)),
  });
  const save = useMutation({
    mutationFn: (input: TrainingCourseInput) => (course ? updateCourse(course.id, input) : createCourse(input)),
    onSuccess: async (saved) => {
      notifySuccess(t('training.courseCreated', { name: saved.name }));
      await queryClient.invalidateQueries({ queryKey: trainingQueryKey });
      onDone();
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(toInput(values)))} noValidate>
      <Stack>
        <TextInput label={t('training.course.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('training.course.skill')} withAsterisk allowDeselect={false} data={TRAINING_SKILLS.map((skill) => ({ value: skill, label: text(TRAINING_SKILL_LABELS[skill]) }))} {...form.getInputProps('skill')} />
          <Select label={t('training.course.lpk')} clearable searchable data={(lpks.data?.items ?? []).map((partner) => ({ value: partner.id, label: partner.name }))} {...form.getInputProps('lpkPartnerId')} />
          <NumberInput label={t('training.course.hours')} min={1} max={2000} {...form.getInputProps('hours')} />
          <NumberInput label={t('training.course.minAttendance')} min={1} max={100} withAsterisk {...form.getInputProps('minAttendancePercent')} />
        </SimpleGrid>
        <Textarea label={t('training.course.description')} autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
        <FormActions onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}
