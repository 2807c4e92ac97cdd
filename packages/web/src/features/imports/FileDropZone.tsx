import { Button, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './FileDropZone.module.css';

interface FileDropZoneProps {
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  hint: string;
  onFiles: (files: File[]) => void;
}

/** Drop files here or pick them with the button; the button keeps it usable by keyboard and on phones. */
export function FileDropZone({ accept, multiple, disabled, hint, onFiles }: FileDropZoneProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (disabled) return;
    const files = [...event.dataTransfer.files];
    if (files.length) onFiles(files);
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="xl"
      className={classes.zone}
      data-dragging={dragging || undefined}
      data-disabled={disabled || undefined}
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <Stack align="center" gap="sm" ta="center">
        <ThemeIcon size={56} radius="xl" variant="light" aria-hidden>
          <IconFileSpreadsheet size={32} />
        </ThemeIcon>
        <Text fw={600}>{t('imports.upload.dropHere')}</Text>
        <Text fz="sm" c="dimmed" id={hintId}>{hint}</Text>
        <Button onClick={() => input.current?.click()} disabled={disabled} aria-describedby={hintId}>
          {t('imports.upload.choose')}
        </Button>
        <input
          ref={input}
          type="file"
          accept={accept}
          multiple={multiple}
          hidden
          onChange={(event) => {
            const files = [...(event.currentTarget.files ?? [])];
            event.currentTarget.value = '';
            if (files.length) onFiles(files);
          }}
        />
      </Stack>
    </Paper>
  );
}
