import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { TRAINING_SKILL_LABELS, type TrainingCourse } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { useLocalText } from '../programs/local-text.ts';

export function CoursesTable({ items, onEdit }: { items: TrainingCourse[]; onEdit?: (course: TrainingCourse) => void }) {
  const { t } = useTranslation();
  const text = useLocalText();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('training.course.name')}</Table.Th>
            <Table.Th>{t('training.course.skill')}</Table.Th>
            <Table.Th>{t('training.course.lpk')}</Table.Th>
            <Table.Th>{t('training.course.agency')}</Table.Th>
            <Table.Th ta="right">{t('training.course.minAttendance')}</Table.Th>
            <Table.Th ta="right">{t('training.course.cohorts')}</Table.Th>
            {onEdit && <Table.Th><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((course) => (
            <Table.Tr key={course.id}>
              <Table.Td>
                <Text fw={600}>{course.name}</Text>
                {course.hours !== null && <Text size="xs" c="dimmed">{course.hours} {t('training.course.hours').toLowerCase()}</Text>}
              </Table.Td>
              <Table.Td>{text(TRAINING_SKILL_LABELS[course.skill])}</Table.Td>
              <Table.Td>{course.lpkName ?? '–'}</Table.Td>
              <Table.Td>{course.agencyShortName}</Table.Td>
              <Table.Td ta="right">{course.minAttendancePercent}%</Table.Td>
              <Table.Td ta="right">{course.cohortCount}</Table.Td>
              {onEdit && <Table.Td>{course.canManage && <Button size="xs" variant="subtle" onClick={() => onEdit(course)}>{t('training.editCourse')}</Button>}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
