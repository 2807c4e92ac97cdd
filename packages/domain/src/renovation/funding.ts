import { z } from 'zod';
import type { LocalText } from '../eligibility/ast.ts';

/** Where the money, materials or labour for a house come from (several sources per house are the rule). */
export const RENOVATION_FUNDING_SOURCES = ['apbd', 'apbn', 'dana_desa', 'csr', 'community', 'other'] as const;
export const RenovationFundingSource = z.enum(RENOVATION_FUNDING_SOURCES);
export type RenovationFundingSource = z.infer<typeof RenovationFundingSource>;

export const RENOVATION_FUNDING_SOURCE_LABELS: Record<RenovationFundingSource, LocalText> = {
  apbd: { id: 'APBD', en: 'Regional budget (APBD)' },
  apbn: { id: 'APBN (BSPS)', en: 'National budget (APBN, BSPS)' },
  dana_desa: { id: 'Dana Desa', en: 'Village fund' },
  csr: { id: 'CSR perusahaan', en: 'Company CSR' },
  community: { id: 'Swadaya / forum masyarakat', en: 'Community / forum' },
  other: { id: 'Lainnya', en: 'Other' },
};

export const CONTRIBUTION_FORMS = ['money', 'materials', 'labour'] as const;
export const ContributionForm = z.enum(CONTRIBUTION_FORMS);
export type ContributionForm = z.infer<typeof ContributionForm>;

export const CONTRIBUTION_FORM_LABELS: Record<ContributionForm, LocalText> = {
  money: { id: 'Uang', en: 'Money' },
  materials: { id: 'Bahan bangunan', en: 'Materials' },
  labour: { id: 'Tenaga kerja (gotong royong)', en: 'Labour (gotong royong)' },
};

export interface FundingEntryValue {
  source: RenovationFundingSource;
  form: ContributionForm;
  /** Rupiah; materials and labour at their estimated value. */
  value: number;
}

export interface FundingTotals {
  total: number;
  bySource: Record<RenovationFundingSource, number>;
  byForm: Record<ContributionForm, number>;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** What a house received, in total and by source and form. */
export function fundingTotals(entries: readonly FundingEntryValue[]): FundingTotals {
  const totals: FundingTotals = { total: 0, bySource: zeros(RENOVATION_FUNDING_SOURCES), byForm: zeros(CONTRIBUTION_FORMS) };
  for (const entry of entries) {
    totals.total += entry.value;
    totals.bySource[entry.source] += entry.value;
    totals.byForm[entry.form] += entry.value;
  }
  return totals;
}

/** The BSPS aid per house (Kepmen PUPR 115/2022): the yardstick a budget is compared with. */
export const BSPS_UNIT_VALUE = 20_000_000;
