import { Alert, Anchor, Button, Group, Image, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { RENOVATION_PHOTO_KINDS, type Renovation, type RenovationPhotoKind } from '@sinergi/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { addPhotos } from './api.ts';
import { PhotoInput } from './PhotoInput.tsx';
import { useHouseAction } from './useHouseAction.ts';

/** The house's photos by kind, each with the day it was taken (from the phone) or uploaded. */
export function PhotoGallery({ house }: { house: Renovation }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [kind, setKind] = useState<RenovationPhotoKind>('before');
  const [files, setFiles] = useState<File[]>([]);
  const action = useHouseAction(house.id, () => setFiles([]));
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="sm">{t('renovation.photos.title')}</Title>
      {house.photos.length === 0 && <Text c="dimmed" size="sm">{t('renovation.photos.none')}</Text>}
      <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm" data-testid="photo-gallery">
        {house.photos.map((photo) => (
          <Stack key={photo.id} gap={2} data-kind={photo.kind}>
            <Anchor href={photo.url} target="_blank" rel="noreferrer">
              <Image src={photo.url} alt={`${t(`renovation.photos.kinds.${photo.kind}`)} ${photo.name}`} radius="sm" loading="lazy" fit="cover" h={120} />
            </Anchor>
            <Text size="xs" fw={600}>{t(`renovation.photos.kinds.${photo.kind}`)}</Text>
            <Text size="xs" c="dimmed">{photo.takenAt ? format.dateTime(photo.takenAt) : format.date(photo.createdAt)}</Text>
          </Stack>
        ))}
      </SimpleGrid>
      {house.actions.includes('photo') && (
        <Stack gap="xs" mt="md">
          <Group align="flex-end" grow>
            <NativeSelect label={t('renovation.photos.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as RenovationPhotoKind)}
              data={RENOVATION_PHOTO_KINDS.filter((k) => k !== 'progress').map((k) => ({ value: k, label: t(`renovation.photos.kinds.${k}`) }))} />
            <PhotoInput label={t('renovation.photos.add')} value={files} onChange={setFiles} />
          </Group>
          {action.error && <Alert color="red">{action.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" disabled={files.length === 0} loading={action.isPending} onClick={() => action.mutate(() => addPhotos(house.id, kind, '', files))}>{t('renovation.photos.upload')}</Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
