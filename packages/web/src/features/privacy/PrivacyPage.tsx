import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CorrectionsSection } from './CorrectionsSection.tsx';
import { PersonLookup } from './PersonLookup.tsx';

/** "Hak Subjek Data" (UU PDP 27/2022): a person's copy of their data, and their correction requests. */
export default function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('privacy.title')} description={t('privacy.description')} />
      <Stack gap="lg">
        <PersonLookup />
        <CorrectionsSection />
      </Stack>
    </>
  );
}
