import type { FundingSource, Program, ProgramApproach, ProgramCreate, ProgramKind } from '@sinergi/domain';

/** The catalogue form's values: number boxes hold '' while empty, quotas are keyed by kecamatan code. */
export interface ProgramFormValues {
  agencyId: string;
  name: string;
  kind: ProgramKind;
  approach: ProgramApproach;
  description: string;
  periodFrom: string;
  periodTo: string;
  fundingSource: FundingSource;
  budget: number | '';
  unitValue: number | '';
  benefitItems: { name: string; quantity: number | ''; unit: string; unitValue: number | '' }[];
  targetFamilies: number | '';
  targetPeople: number | '';
  targetUnits: number | '';
  targetMoney: number | '';
  quotas: Record<string, number | ''>;
  /** Kept as loaded: the regions a program serves are set through the API for now. */
  regionCodes: string[];
  legalBasis: string;
}

const orBlank = (value: number | null): number | '' => value ?? '';
const orNull = (value: number | string): number | null => (typeof value === 'number' ? value : null);

/** Values for the form: the program's, or a fresh draft for the calendar year of `today`. */
export function programFormValues(program: Program | null, today: string): ProgramFormValues {
  const year = today.slice(0, 4);
  return {
    agencyId: program?.agency.id ?? '',
    name: program?.name ?? '',
    kind: program?.kind ?? 'business_package',
    approach: program?.approach ?? 'raise_income',
    description: program?.description ?? '',
    periodFrom: program?.periodFrom ?? `${year}-01-01`,
    periodTo: program?.periodTo ?? `${year}-12-31`,
    fundingSource: program?.fundingSource ?? 'apbd',
    budget: orBlank(program?.budget ?? null),
    unitValue: orBlank(program?.unitValue ?? null),
    benefitItems: (program?.benefitItems ?? []).map((item) => ({ ...item })),
    targetFamilies: orBlank(program?.targetFamilies ?? null),
    targetPeople: orBlank(program?.targetPeople ?? null),
    targetUnits: orBlank(program?.targetUnits ?? null),
    targetMoney: orBlank(program?.targetMoney ?? null),
    quotas: Object.fromEntries((program?.quotas ?? []).map((quota) => [quota.kecamatanCode, quota.families])),
    regionCodes: program?.regionCodes ?? [],
    legalBasis: program?.legalBasis ?? '',
  };
}

/** The request body: empty numbers become null, quotas of 0 or blank are left out, rows without a name dropped. */
export function programInput(values: ProgramFormValues): Omit<ProgramCreate, 'rule' | 'priority'> {
  return {
    ...(values.agencyId ? { agencyId: values.agencyId } : {}),
    name: values.name,
    kind: values.kind,
    approach: values.approach,
    description: values.description || null,
    periodFrom: values.periodFrom,
    periodTo: values.periodTo,
    fundingSource: values.fundingSource,
    budget: orNull(values.budget),
    unitValue: orNull(values.unitValue),
    benefitItems: values.benefitItems
      .filter((item) => item.name.trim() !== '')
      .map((item) => ({ name: item.name.trim(), quantity: orNull(item.quantity) ?? 0, unit: item.unit.trim(), unitValue: orNull(item.unitValue) ?? 0 })),
    targetFamilies: orNull(values.targetFamilies),
    targetPeople: orNull(values.targetPeople),
    targetUnits: orNull(values.targetUnits),
    targetMoney: orNull(values.targetMoney),
    regionCodes: values.regionCodes,
    quotas: Object.entries(values.quotas)
      .filter((entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kecamatanCode, families]) => ({ kecamatanCode, families })),
    legalBasis: values.legalBasis || null,
  };
}

/** Sum of the quotas, to compare with the target while typing. */
export function quotaTotal(quotas: ProgramFormValues['quotas']): number {
  return Object.values(quotas).reduce<number>((sum, value) => sum + (typeof value === 'number' ? value : 0), 0);
}

/** Value of one package from its items (quantity × unit value), null without items. */
export function itemsValue(items: ProgramFormValues['benefitItems']): number | null {
  if (items.length === 0) return null;
  return items.reduce((sum, item) => sum + (typeof item.quantity === 'number' ? item.quantity : 0) * (typeof item.unitValue === 'number' ? item.unitValue : 0), 0);
}
