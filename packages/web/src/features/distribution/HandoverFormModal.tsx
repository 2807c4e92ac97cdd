import { Alert, Button, FileInput, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { DistributionFamily, Stage } from '@sinergi/domain';
import { IconCamera, IconMapPin } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { distributionKey } from './api.ts';
import { rupiah } from './format.ts';
import { currentPosition } from './photo.ts';
import { SignatureField, type SignatureHandle } from './SignatureField.tsx';
import { newClientKey, photoProblem, submitHandover } from './submit-handover.ts';
import { useSubmission } from './useSubmission.ts';

interface HandoverFormModalProps {
  programId: string;
  family: DistributionFamily | null;
  stages: Stage[];
  onClose: () => void;
}

const today = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};

type Gps = Awaited<ReturnType<typeof currentPosition>>;

/** Recording one hand-over in the field: stage, date, amount, receipt photo, signature or thumbprint, and GPS. */
export function HandoverFormModal({ programId, family, stages, onClose }: HandoverFormModalProps) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  return (
    <Modal opened={family !== null} onClose={onClose} title={t('distribution.form.title')} size="lg" fullScreen={isMobile} centered>
      {family && <HandoverForm programId={programId} family={family} stages={stages} onClose={onClose} />}
    </Modal>
  );
}

function HandoverForm({ programId, family, stages, onClose }: HandoverFormModalProps & { family: DistributionFamily }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const pending = stages.filter((stage) => !family.receivedStageIds.includes(stage.id));
  const [clientKey] = useState(newClientKey);
  const [stageId, setStageId] = useState<string | null>(pending[0]?.id ?? null);
  const stage = stages.find((s) => s.id === stageId) ?? null;
  const [handedOn, setHandedOn] = useState(today);
  const [amount, setAmount] = useState<number | string>(stage?.valuePerFamily ?? '');
  const [note, setNote] = useState('');
  const [receipt, setReceipt] = useState<File | null>(null);
  const [markKind, setMarkKind] = useState<'signature' | 'thumbprint'>('signature');
  const [thumbprint, setThumbprint] = useState<File | null>(null);
  const signature = useRef<SignatureHandle>(null);
  const [gps, setGps] = useState<Gps | 'locating'>('locating');
  const { saving, error, setError, run } = useSubmission();

  // The first fix is asked for as the form opens; state is 'locating' from the start, so the effect only subscribes.
  useEffect(() => {
    let live = true;
    void currentPosition().then((fix) => live && setGps(fix));
    return () => {
      live = false;
    };
  }, []);
  const locate = () => {
    setGps('locating');
    void currentPosition().then(setGps);
  };

  const chooseStage = (id: string | null) => {
    setStageId(id);
    setAmount(stages.find((s) => s.id === id)?.valuePerFamily ?? '');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!stage) return;
    const photoError = [receipt, markKind === 'thumbprint' ? thumbprint : null].map((file) => (file ? photoProblem(file) : null)).find(Boolean);
    if (photoError) {
      setError(photoError);
      return;
    }
    void run(async () => {
      const drawn = markKind === 'signature' ? await signature.current?.toBlob() : null;
      const markImage = markKind === 'signature' ? drawn : thumbprint;
      await submitHandover(
        programId,
        {
          clientKey, enrolmentId: family.enrolmentId, stageId: stage.id, handedOn, note: note.trim() || undefined,
          ...(stage.kind === 'cash' && typeof amount === 'number' ? { amount } : {}),
          gps: gps === 'locating' ? null : gps,
        },
        { receipt, mark: markImage ? { kind: markKind, image: markImage } : null },
      );
      await queryClient.invalidateQueries({ queryKey: distributionKey(programId) });
      notifications.show({ color: 'green', message: t('distribution.form.saved', { name: family.headName ?? family.noKk, stage: stage.name }) });
      onClose();
    });
  };

  if (pending.length === 0) return <Alert color="green">{t('distribution.form.allReceived')}</Alert>;
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Text fw={600}>{family.headName ?? family.noKk} · {family.villageName}</Text>
        <Select label={t('distribution.form.stage')} data={pending.map((s) => ({ value: s.id, label: `${s.number}. ${s.name}` }))} value={stageId} onChange={chooseStage} allowDeselect={false} required />
        <TextInput type="date" label={t('distribution.form.handedOn')} value={handedOn} max={today()} onChange={(event) => setHandedOn(event.currentTarget.value)} required />
        {stage?.kind === 'cash' ? (
          <NumberInput label={t('distribution.form.amount')} prefix="Rp" thousandSeparator="." decimalSeparator="," min={0} value={amount} onChange={setAmount} required />
        ) : (
          <Text size="sm">{t('distribution.form.package', { items: stage?.items.map((i) => `${i.quantity} ${i.unit} ${i.name}`).join(', '), worth: rupiah(stage?.valuePerFamily) })}</Text>
        )}
        <FileInput
          label={t('distribution.form.receipt')} description={t('distribution.form.receiptHint')} accept="image/jpeg,image/png" capture="environment"
          leftSection={<IconCamera size={16} aria-hidden />} value={receipt} onChange={setReceipt} clearable placeholder={t('distribution.form.takePhoto')}
        />
        <SegmentedControl
          value={markKind} onChange={(value) => setMarkKind(value === 'thumbprint' ? 'thumbprint' : 'signature')}
          data={[{ value: 'signature', label: t('distribution.form.signatureMode') }, { value: 'thumbprint', label: t('distribution.form.thumbprintMode') }]}
        />
        {markKind === 'signature' ? (
          <SignatureField ref={signature} />
        ) : (
          <FileInput
            label={t('distribution.form.thumbprint')} accept="image/jpeg,image/png" capture="environment" leftSection={<IconCamera size={16} aria-hidden />}
            value={thumbprint} onChange={setThumbprint} clearable placeholder={t('distribution.form.takePhoto')}
          />
        )}
        <Group gap="xs" wrap="nowrap">
          <IconMapPin size={16} aria-hidden />
          <Text size="sm" style={{ flex: 1 }}>
            {gps === 'locating' ? t('distribution.form.locating')
              : gps ? t('distribution.form.location', { lat: gps.latitude.toFixed(5), lon: gps.longitude.toFixed(5), accuracy: gps.accuracyM ?? '?' })
                : t('distribution.form.noLocation')}
          </Text>
          {gps !== 'locating' && <Button size="compact-sm" variant="subtle" onClick={locate}>{t('distribution.form.locate')}</Button>}
        </Group>
        <Textarea label={t('distribution.form.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={2} maxLength={2000} />
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" loading={saving} disabled={!stage}>{error ? t('distribution.form.retry') : t('distribution.form.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
