import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as vocab from '../orgs/organization.vocab.ts';
import { GRANT_SCOPES, SPACE_ROLES } from '../spaces/roles.ts';
import en from './locales/en.json';
import es from './locales/es.json';

function flatten(obj: Record<string, unknown>, prefix = ''): Record<string, string> {
  return Object.fromEntries(Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? Object.entries(flatten(v as Record<string, unknown>, `${prefix}${k}.`)) : [[`${prefix}${k}`, String(v)]]));
}

const catalogs = { en: flatten(en), es: flatten(es) };
const webDir = path.dirname(new URL(import.meta.url).pathname);
const sources = (function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [path.join(dir, e.name)] : []);
})(webDir);

const has = (lang: 'en' | 'es', key: string) => key in catalogs[lang] || `${key}_other` in catalogs[lang];

describe('message catalogs', () => {
  it('have the same keys in English and Spanish, none empty', () => {
    expect(Object.keys(catalogs.es).sort()).toEqual(Object.keys(catalogs.en).sort());
    for (const lang of ['en', 'es'] as const) {
      for (const [key, value] of Object.entries(catalogs[lang])) expect(value.trim(), `${lang}:${key}`).not.toBe('');
    }
  });

  it('hold every literal key the web app uses', () => {
    const missing: string[] = [];
    for (const file of sources) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        for (const lang of ['en', 'es'] as const) if (!has(lang, match[1]!)) missing.push(`${lang}:${match[1]} (${path.basename(file)})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('hold a label for every value of every list shown', () => {
    const lists: Record<string, readonly string[]> = {
      kind: vocab.ORGANIZATION_KINDS, scale: vocab.POWER_SCALES, legal: vocab.LEGAL_STRUCTURES, budget: vocab.BUDGET_BANDS,
      function: vocab.ALLIANCE_FUNCTIONS, spectrum: vocab.MEMBERSHIP_SPECTRA, structure: vocab.ALLIANCE_STRUCTURES,
      stage: vocab.ALLIANCE_STAGES, path: vocab.PATHS_TO_POWER, role: vocab.MEMBERSHIP_ROLES, status: vocab.MEMBERSHIP_STATUSES,
      seat: vocab.REPRESENTATIVE_SEATS, affiliation: vocab.AFFILIATION_ROLES, spaceRole: SPACE_ROLES, scope: GRANT_SCOPES,
    };
    const missing = Object.entries(lists).flatMap(([group, values]) =>
      values.flatMap((v) => (['en', 'es'] as const).filter((lang) => !has(lang, `enum.${group}.${v}`)).map((lang) => `${lang}:enum.${group}.${v}`)));
    expect(missing).toEqual([]);
  });

  it('leave no English sentence hard-coded in the markup', () => {
    const offenders: string[] = [];
    for (const file of sources.filter((f) => f.endsWith('.tsx'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/(?<![=-])>\s*([A-Za-z][A-Za-z ,.'’]{3,})\s*</g)) offenders.push(`${path.basename(file)}: ${match[1]}`);
    }
    expect(offenders).toEqual([]);
  });
});
