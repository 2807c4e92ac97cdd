import { Box, Button, Group, Input, Text } from '@mantine/core';
import { IconEraser } from '@tabler/icons-react';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';

export interface SignatureHandle {
  /** The drawn signature as PNG, or null when nothing was drawn. */
  toBlob(): Promise<Blob | null>;
}

/** A box the beneficiary signs in with a finger; white background so that the PNG reads on paper-like views. */
export function SignatureField({ ref }: { ref: Ref<SignatureHandle> }) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [signed, setSigned] = useState(false);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    // The canvas is drawn in device pixels, or strokes look blurred and offset on phone screens.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = canvas.offsetWidth * ratio;
    canvas.height = canvas.offsetHeight * ratio;
    canvas.getContext('2d')?.scale(ratio, ratio);
    const pad = new SignaturePad(canvas, { backgroundColor: 'rgb(255,255,255)', penColor: 'rgb(20,20,60)' });
    const ended = () => setSigned(!pad.isEmpty());
    pad.addEventListener('endStroke', ended);
    padRef.current = pad;
    return () => {
      pad.removeEventListener('endStroke', ended);
      pad.off();
      padRef.current = null;
    };
  }, []);

  useImperativeHandle(ref, () => ({
    toBlob: () => {
      const canvas = canvasRef.current;
      if (!canvas || !padRef.current || padRef.current.isEmpty()) return Promise.resolve(null);
      return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob), 'image/png'));
    },
  }), []);

  const clear = () => {
    padRef.current?.clear();
    setSigned(false);
  };

  return (
    <Input.Wrapper label={t('distribution.form.signature')} description={t('distribution.form.signatureHint')}>
      <Box style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8, background: 'white', touchAction: 'none' }}>
        <canvas ref={canvasRef} style={{ width: '100%', height: 180, display: 'block' }} aria-label={t('distribution.form.signatureArea')} />
      </Box>
      <Group justify="space-between" mt={4}>
        <Text size="xs" c="dimmed">{signed ? t('distribution.form.signed') : t('distribution.form.notSigned')}</Text>
        <Button size="compact-sm" variant="subtle" leftSection={<IconEraser size={14} aria-hidden />} onClick={clear}>{t('distribution.form.clearSignature')}</Button>
      </Group>
    </Input.Wrapper>
  );
}
