import { Progress, Stack, Stepper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../components/useIsMobile.ts';

export const WIZARD_STEPS = ['upload', 'mapping', 'preview', 'run', 'report'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** Where the user is in the import: a stepper on wide screens, one line and a bar on a phone. */
export function WizardSteps({ step }: { step: WizardStep }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const active = WIZARD_STEPS.indexOf(step);
  if (isMobile) {
    return (
      <Stack gap={4} mb="md">
        <Text fz="sm" fw={600}>
          {t('imports.wizard.stepOf', { step: active + 1, total: WIZARD_STEPS.length, name: t(`imports.wizard.steps.${step}`) })}
        </Text>
        <Progress value={((active + 1) / WIZARD_STEPS.length) * 100} size="sm" aria-hidden />
      </Stack>
    );
  }
  return (
    <Stepper active={active} size="sm" mb="lg" allowNextStepsSelect={false} aria-label={t('imports.wizard.stepsLabel')}>
      {WIZARD_STEPS.map((name) => (
        <Stepper.Step
          key={name}
          label={t(`imports.wizard.steps.${name}`)}
          aria-current={name === step ? 'step' : undefined}
          allowStepSelect={false}
        />
      ))}
    </Stepper>
  );
}
