import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import type { PersonKeys } from './person-queries.ts';

/**
 * What other modules (programs, referrals, field visits) hold on a person, for the access request: each registers
 * one section, collected with the person's member ids, NIKs and families. Items are plain records; the PDF prints
 * their keys and values as they are, so a section should use readable keys.
 */
export interface PersonDataSection {
  key: string;
  title: { id: string; en: string };
  collect: (db: Kysely<DB>, person: PersonKeys) => Promise<Record<string, unknown>[]>;
}

const sections = new Map<string, PersonDataSection>();

/** Adds (or replaces) a module's section; returns a function that removes it again (for tests). */
export function registerPersonDataSection(section: PersonDataSection): () => void {
  sections.set(section.key, section);
  return () => {
    if (sections.get(section.key) === section) sections.delete(section.key);
  };
}

export function personDataSections(): PersonDataSection[] {
  return [...sections.values()];
}
