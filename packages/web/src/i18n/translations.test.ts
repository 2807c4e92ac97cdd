import { describe, expect, it } from 'vitest';
import { en, id } from './messages.ts';

type Tree = { [key: string]: string | Tree };

function entries(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : entries(value, `${prefix}${key}.`),
  );
}

const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('translations', () => {
  const indonesian = new Map(entries(id));
  const english = new Map(entries(en));

  it('have the same keys in Indonesian and English', () => {
    expect([...english.keys()].sort()).toEqual([...indonesian.keys()].sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of indonesian) expect({ key, vars: variables(english.get(key) ?? '') }).toEqual({ key, vars: variables(text) });
  });

  it('leave no text empty', () => {
    for (const [key, text] of [...indonesian, ...english]) expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
  });

  it('keep the labels the browser tests rely on', () => {
    expect([id.auth.username, id.auth.password, id.auth.signIn, id.language.label, id.shell.signOut, id.families.title, id.families.showNik])
      .toEqual(['Nama pengguna', 'Kata sandi', 'Masuk', 'Bahasa', 'Keluar', 'Keluarga', 'Tampilkan NIK']);
    expect([en.auth.username, en.auth.password, en.auth.signIn, en.language.label, en.shell.signOut, en.families.title, en.families.showNik])
      .toEqual(['Username', 'Password', 'Sign in', 'Language', 'Sign out', 'Families', 'Show NIK']);
  });
});
