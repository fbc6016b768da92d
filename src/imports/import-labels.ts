// The words a spreadsheet may use for the model's closed lists (English and Spanish labels, the
// keys themselves) and for languages, normalized so that lookups ignore case, accents and spacing.
import {
  AFFILIATION_ROLES, type AffiliationRole, BUDGET_BANDS, type BudgetBand, LEGAL_STRUCTURES, MEMBERSHIP_ROLES,
  MEMBERSHIP_STATUSES, type MembershipRole, type MembershipStatus, ORGANIZATION_KINDS, POWER_SCALES,
} from '../orgs/organization.vocab.ts';


/** Lowercase, without accents, spaces or punctuation: how labels are compared. */
export function compact(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** English label first (used in messages), then other names accepted in a file. */
export const KIND_LABELS: Record<(typeof ORGANIZATION_KINDS)[number], string[]> = {
  base_building: ['Base-building group', 'Grupo de base', 'Base building', 'Grassroots', 'Community organizing group'],
  union: ['Union', 'Sindicato', 'Labor union'],
  faith: ['Faith-based', 'De fe', 'Faith', 'Congregation', 'Basada en la fe'],
  environmental: ['Environmental', 'Ambiental', 'Environment'],
  policy: ['Policy / think tank', 'Política pública / centro de estudios', 'Policy', 'Think tank', 'Política pública'],
  legal: ['Legal', 'Legal services'],
  research: ['Research', 'Investigación'],
  intermediary: ['Intermediary', 'Intermediaria'],
  funder: ['Funder', 'Financiador', 'Foundation', 'Fundación'],
  government: ['Government', 'Gobierno'],
  business: ['Business', 'Empresa'],
  alliance: ['Alliance', 'Alianza', 'Coalition', 'Coalición'],
};
export const SCALE_LABELS: Record<(typeof POWER_SCALES)[number], string[]> = {
  local: ['Local'], regional: ['Regional'], state: ['State', 'Estatal', 'Statewide'],
  multi_state: ['Multi-state', 'Multiestatal'], national: ['National', 'Nacional'], international: ['International', 'Internacional'],
};
export const LEGAL_LABELS: Record<(typeof LEGAL_STRUCTURES)[number], string[]> = {
  informal: ['Informal body', 'Grupo informal', 'Informal', 'Unincorporated'],
  '501c3': ['501(c)(3)', 'c3'], '501c4': ['501(c)(4)', 'c4'],
  fiscally_sponsored: ['Fiscally sponsored', 'Con patrocinio fiscal', 'Fiscal sponsorship'],
};
export const BUDGET_LABELS: Record<BudgetBand, string[]> = {
  under_100k: ['Under $100k', 'Menos de $100 mil'], '100k_500k': ['$100k–$500k', '$100 mil–$500 mil'],
  '500k_1m': ['$500k–$1M', '$500 mil–$1 millón'], '1m_5m': ['$1M–$5M', '$1–$5 millones'], over_5m: ['Over $5M', 'Más de $5 millones'],
};
export const ROLE_LABELS: Record<MembershipRole, string[]> = {
  anchor: ['Anchor', 'Ancla'], member: ['Member', 'Miembro'], ally: ['Ally', 'Aliada', 'Aliado'], observer: ['Observer', 'Observadora', 'Observador'],
};
export const STATUS_LABELS: Record<MembershipStatus, string[]> = {
  prospect: ['Prospect', 'Posible miembro'], invited: ['Invited', 'Invitada', 'Invitado'], active: ['Active', 'Activa', 'Activo', 'Current'],
  lapsed: ['Lapsed', 'Inactiva', 'Inactivo'], left: ['Left', 'Se retiró', 'Former'],
};
export const AFFILIATION_LABELS: Record<AffiliationRole, string[]> = {
  staff: ['Staff', 'Personal', 'Employee', 'Organizer', 'Empleada', 'Empleado'], leader: ['Leader', 'Líder', 'Lideresa'],
  member: ['Member', 'Miembro'], board: ['Board', 'Junta directiva', 'Board member', 'Junta'],
};

// ISO 639 codes of languages often spoken in US organizing, with English and Spanish names.
export const LANGUAGES: Record<string, string[]> = {
  en: ['English', 'Inglés', 'eng'], es: ['Spanish', 'Español', 'Castellano', 'spa'],
  zh: ['Chinese', 'Mandarin', 'Chino', 'Mandarín', 'zho', 'chi'], yue: ['Cantonese', 'Cantonés'],
  vi: ['Vietnamese', 'Vietnamita', 'vie'], tl: ['Tagalog', 'Filipino', 'tgl', 'fil'], ko: ['Korean', 'Coreano', 'kor'],
  ar: ['Arabic', 'Árabe', 'ara'], fr: ['French', 'Francés', 'fra', 'fre'], ht: ['Haitian Creole', 'Kreyòl', 'Creole', 'Criollo haitiano', 'hat'],
  pt: ['Portuguese', 'Portugués', 'por'], ru: ['Russian', 'Ruso', 'rus'], uk: ['Ukrainian', 'Ucraniano', 'ukr'],
  pl: ['Polish', 'Polaco', 'pol'], de: ['German', 'Alemán', 'deu', 'ger'], it: ['Italian', 'Italiano', 'ita'],
  ja: ['Japanese', 'Japonés', 'jpn'], hi: ['Hindi', 'hin'], pa: ['Punjabi', 'Panyabí', 'pan'], ur: ['Urdu', 'urd'],
  bn: ['Bengali', 'Bangla', 'Bengalí', 'ben'], fa: ['Persian', 'Farsi', 'Persa', 'fas', 'per'], ne: ['Nepali', 'Nepalí', 'nep'],
  hmn: ['Hmong'], km: ['Khmer', 'Cambodian', 'Jemer', 'khm'], lo: ['Lao', 'Laotian', 'lao'], my: ['Burmese', 'Birmano', 'mya', 'bur'],
  so: ['Somali', 'Somalí', 'som'], am: ['Amharic', 'Amárico', 'amh'], ti: ['Tigrinya', 'tir'], sw: ['Swahili', 'Suajili', 'swa'],
  quc: ["K'iche'", 'Quiché'], mam: ['Mam'], zap: ['Zapotec', 'Zapoteco'], nah: ['Nahuatl', 'Náhuatl'],
  ase: ['American Sign Language', 'ASL', 'Lengua de señas americana'],
};

export type Lookup<T extends string> = Map<string, T>;
export function lookupOf<T extends string>(labels: Record<T, string[]>): Lookup<T> {
  const map: Lookup<T> = new Map();
  for (const [value, names] of Object.entries(labels) as [T, string[]][]) {
    for (const name of [value, ...names]) map.set(compact(name), value);
  }
  return map;
}
export const KINDS = lookupOf(KIND_LABELS);
export const SCALES = lookupOf(SCALE_LABELS);
export const LEGALS = lookupOf(LEGAL_LABELS);
export const BUDGETS = lookupOf(BUDGET_LABELS);
export const ROLES = lookupOf(ROLE_LABELS);
export const STATUSES = lookupOf(STATUS_LABELS);
export const AFFILIATIONS = lookupOf(AFFILIATION_LABELS);
export const LANGUAGE_CODES = lookupOf(LANGUAGES);

export function choices(labels: Record<string, string[]>): string {
  return Object.values(labels).map((names) => names[0]).join(', ');
}

// Consistency checks between these tables and the closed lists of the model.
for (const [labels, values] of [[KIND_LABELS, ORGANIZATION_KINDS], [SCALE_LABELS, POWER_SCALES], [LEGAL_LABELS, LEGAL_STRUCTURES],
  [BUDGET_LABELS, BUDGET_BANDS], [ROLE_LABELS, MEMBERSHIP_ROLES], [STATUS_LABELS, MEMBERSHIP_STATUSES], [AFFILIATION_LABELS, AFFILIATION_ROLES]] as const) {
  if (Object.keys(labels).length !== values.length) throw new Error(`csv-rows: labels out of date for ${values.join(', ')}`);
}
