import {
  describeRule, type BenefitItem, type EligibilityRule, type PhraseOptions, type PriorityOrder, type Program, type ProgramApproach,
  type ProgramEnrolmentCounts, type ProgramKind, type ProgramListItem, type FundingSource,
} from '@sinergi/domain';
import type { ProgramListRow, ProgramRow, QuotaRow } from './queries.ts';

const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

/** The stored rule and priority (validated when saved). */
export function storedRule(row: Pick<ProgramRow, 'rule' | 'priority'>): { rule: EligibilityRule | null; priority: PriorityOrder | null } {
  return { rule: (row.rule as EligibilityRule | null) ?? null, priority: (row.priority as PriorityOrder | null) ?? null };
}

export function itemsValue(items: readonly BenefitItem[]): number | null {
  if (items.length === 0) return null;
  return Math.round(items.reduce((sum, item) => sum + item.quantity * item.unitValue, 0));
}

export interface ProgramExtras {
  quotas: QuotaRow[];
  enrolments: ProgramEnrolmentCounts;
  phrases: PhraseOptions;
  canManage: boolean;
}

export function toProgram(row: ProgramRow, extras: ProgramExtras): Program {
  const { rule, priority } = storedRule(row);
  const benefitItems = row.benefit_items as BenefitItem[];
  return {
    id: row.id,
    agency: { id: row.agency_id, name: row.agency_name, shortName: row.agency_short_name },
    name: row.name,
    kind: row.kind as ProgramKind,
    approach: row.approach as ProgramApproach,
    description: row.description,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    fundingSource: row.funding_source as FundingSource,
    budget: row.budget,
    unitValue: row.unit_value,
    benefitItems,
    itemsValue: itemsValue(benefitItems),
    targetFamilies: row.target_families,
    targetPeople: row.target_people,
    targetUnits: row.target_units,
    targetMoney: row.target_money,
    regionCodes: row.region_codes,
    quotas: extras.quotas,
    legalBasis: row.legal_basis,
    status: row.status,
    rule,
    priority,
    ruleText: rule ? { id: describeRule(rule, 'id', extras.phrases), en: describeRule(rule, 'en', extras.phrases) } : null,
    ruleVersion: row.rule_version,
    currentRunId: row.current_run_id,
    enrolments: extras.enrolments,
    canManage: extras.canManage,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    activatedAt: isoOrNull(row.activated_at),
    closedAt: isoOrNull(row.closed_at),
  };
}

export function toListItem(row: ProgramListRow): ProgramListItem {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ProgramKind,
    approach: row.approach as ProgramApproach,
    agency: { id: row.agency_id, name: row.agency_name, shortName: row.agency_short_name },
    status: row.status,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    fundingSource: row.funding_source as FundingSource,
    budget: row.budget,
    targetFamilies: row.target_families,
    beneficiaries: row.beneficiaries,
    candidates: row.candidates,
    updatedAt: iso(row.updated_at),
  };
}

export { iso, isoOrNull };
