import { Alert, Anchor, Badge, Button, Card, Drawer, Group, Image, Loader, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { DistributionFamily, Handover } from '@sinergi/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { correctHandover, distributionKey, proofUrl, useFamilyHandovers, useHandoverHistory } from './api.ts';
import { rupiah } from './format.ts';
import { useSubmission } from './useSubmission.ts';

interface DrawerProps {
  programId: string;
  family: DistributionFamily | null;
  canCorrect: boolean;
  onClose: () => void;
}

/** A family's hand-overs with their proof images, each correction's reason, and (for the owner agency) a correction form. */
export function HandoverHistoryDrawer({ programId, family, canCorrect, onClose }: DrawerProps) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const handovers = useFamilyHandovers(programId, family?.enrolmentId ?? null);
  return (
    <Drawer opened={family !== null} onClose={onClose} position="right" size={isMobile ? '100%' : 'lg'} title={t('distribution.history.title', { name: family?.headName ?? '' })}>
      {handovers.isPending && family ? <Loader /> : (
        <Stack gap="md">
          {(handovers.data?.items ?? []).map((handover) => <HandoverCard key={handover.id} programId={programId} handover={handover} canCorrect={canCorrect} />)}
        </Stack>
      )}
    </Drawer>
  );
}

function HandoverCard({ programId, handover, canCorrect }: { programId: string; handover: Handover; canCorrect: boolean }) {
  const { t } = useTranslation();
  const [showHistory, setShowHistory] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const history = useHandoverHistory(programId, showHistory ? handover.id : null);
  return (
    <Card withBorder radius="md" padding="sm">
      <Group justify="space-between">
        <Text fw={600}>{handover.stageNumber}. {handover.stageName}</Text>
        {handover.revision > 1 && <Badge color="orange" variant="light">{t('distribution.history.corrected', { revision: handover.revision })}</Badge>}
      </Group>
      <Text size="sm">{t('distribution.history.summary', { date: handover.handedOn, amount: rupiah(handover.amount), officer: handover.officer ?? '–' })}</Text>
      {handover.gps && (
        <Anchor size="sm" href={`https://www.openstreetmap.org/?mlat=${handover.gps.latitude}&mlon=${handover.gps.longitude}#map=18/${handover.gps.latitude}/${handover.gps.longitude}`} target="_blank" rel="noreferrer">
          {t('distribution.history.gps', { lat: handover.gps.latitude.toFixed(5), lon: handover.gps.longitude.toFixed(5), accuracy: handover.gps.accuracyM ?? '?' })}
        </Anchor>
      )}
      {handover.note && <Text size="sm" c="dimmed">{handover.note}</Text>}
      {handover.proofs.length > 0 ? (
        <SimpleGrid cols={2} mt="xs">
          {handover.proofs.map((proof) => (
            <Stack key={proof.id} gap={2}>
              <Image src={proofUrl(programId, handover.id, proof.id)} alt={t(`distribution.proof.${proof.kind}`)} radius="sm" h={120} fit="contain" bg="gray.0" />
              <Text size="xs" c="dimmed">{t(`distribution.proof.${proof.kind}`)}</Text>
            </Stack>
          ))}
        </SimpleGrid>
      ) : <Text size="xs" c="orange">{t('distribution.history.noProof')}</Text>}
      <Group gap="xs" mt="xs">
        <Button size="compact-sm" variant="subtle" onClick={() => setShowHistory((v) => !v)}>{t('distribution.history.revisions')}</Button>
        {canCorrect && <Button size="compact-sm" variant="subtle" color="orange" onClick={() => setCorrecting((v) => !v)}>{t('distribution.history.correct')}</Button>}
      </Group>
      {showHistory && history.data && (
        <Stack gap={4} mt="xs">
          {history.data.revisions.map((revision) => (
            <Text key={revision.revision} size="xs">
              {t('distribution.history.revision', { revision: revision.revision, date: revision.handedOn, amount: rupiah(revision.amount), user: revision.user ?? '–', at: revision.at.slice(0, 16).replace('T', ' ') })}
              {revision.reason ? ` — ${t('distribution.history.reason')}: ${revision.reason}` : ''}
            </Text>
          ))}
        </Stack>
      )}
      {correcting && <CorrectionForm programId={programId} handover={handover} onDone={() => setCorrecting(false)} />}
    </Card>
  );
}

function CorrectionForm({ programId, handover, onDone }: { programId: string; handover: Handover; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [handedOn, setHandedOn] = useState(handover.handedOn);
  const [amount, setAmount] = useState<number | string>(handover.amount);
  const [reason, setReason] = useState('');
  const { saving, error, run } = useSubmission();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await correctHandover(programId, handover.id, { handedOn, ...(typeof amount === 'number' ? { amount } : {}), reason, revision: handover.revision });
      await queryClient.invalidateQueries({ queryKey: distributionKey(programId) });
      onDone();
    });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs" mt="sm">
        <TextInput type="date" label={t('distribution.form.handedOn')} value={handedOn} onChange={(event) => setHandedOn(event.currentTarget.value)} required />
        <NumberInput label={t('distribution.form.amount')} prefix="Rp" thousandSeparator="." decimalSeparator="," min={0} value={amount} onChange={setAmount} />
        <Textarea label={t('distribution.history.reason')} description={t('distribution.history.reasonHint')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} required minLength={5} />
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <Group justify="flex-end"><Button type="submit" size="xs" color="orange" loading={saving}>{t('distribution.history.saveCorrection')}</Button></Group>
      </Stack>
    </form>
  );
}
