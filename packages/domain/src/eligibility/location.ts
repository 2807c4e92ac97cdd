import type { LocalText, NodePath } from './ast.ts';

const STEP_NAMES: Record<string, LocalText> = {
  not: { id: 'kebalikan (bukan)', en: 'negation (not)' },
  anyMember: { id: 'ada anggota', en: 'any member' },
  allMembers: { id: 'semua anggota', en: 'all members' },
  head: { id: 'kepala keluarga', en: 'head of family' },
  countMembers: { id: 'jumlah anggota', en: 'member count' },
};

const PROPERTY_NAMES: Record<string, LocalText> = {
  field: { id: 'data', en: 'field' },
  op: { id: 'operator', en: 'operator' },
  value: { id: 'nilai', en: 'value' },
  kind: { id: 'jenis syarat', en: 'condition type' },
  programKinds: { id: 'jenis program', en: 'program kinds' },
  programIds: { id: 'program', en: 'programs' },
  period: { id: 'periode', en: 'period' },
  direction: { id: 'arah urutan', en: 'direction' },
  version: { id: 'versi', en: 'version' },
};

function child(node: unknown, key: string | number): unknown {
  if (typeof node !== 'object' || node === null) return undefined;
  return (node as Record<string | number, unknown>)[key];
}

function kindOf(node: unknown): string | undefined {
  const kind = child(node, 'kind');
  return typeof kind === 'string' ? kind : undefined;
}

/**
 * Where a path points inside a rule, in words ("Aturan › syarat 3 › kepala keluarga › syarat 1"),
 * so that an error is understandable without seeing the JSON.
 */
export function locate(root: unknown, path: NodePath, rootName: LocalText): LocalText {
  const steps: LocalText[] = [rootName];
  let node = root;
  let parent: unknown = undefined;
  for (const segment of path) {
    const next = child(node, segment);
    if (typeof segment === 'number') {
      const listName = parentList(parent, node);
      steps.push(listName === 'keys'
        ? { id: `prioritas ${segment + 1}`, en: `priority ${segment + 1}` }
        : listName === 'conditions'
          ? { id: `syarat ${segment + 1}`, en: `condition ${segment + 1}` }
          : { id: `butir ${segment + 1}`, en: `item ${segment + 1}` });
    } else if (segment === 'where' || (segment === 'condition' && kindOf(node) === 'not')) {
      const name = STEP_NAMES[kindOf(node) ?? ''];
      if (name) steps.push(name);
    } else if (segment !== 'conditions' && segment !== 'keys' && segment !== 'condition') {
      const name = PROPERTY_NAMES[segment];
      if (name) steps.push(name);
    }
    parent = node;
    node = next;
  }
  return { id: steps.map((step) => step.id).join(' › '), en: steps.map((step) => step.en).join(' › ') };
}

function parentList(parent: unknown, list: unknown): string | undefined {
  if (child(parent, 'conditions') === list) return 'conditions';
  if (child(parent, 'keys') === list) return 'keys';
  return undefined;
}
