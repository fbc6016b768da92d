// Which known term a value from a spreadsheet probably means when it is none of the terms'
// keys or labels: "labor" → "Workers' rights" (Derechos laborales), "tax and fiscal" → "Tax and
// fiscal reform", "immigrant" → "Immigrant rights". Only ever a suggestion: the person importing
// confirms it, picks another term or leaves the value out.

export interface TermNames { key: string; names: string[] }

// Words of a few letters that say nothing about the subject, in English and Spanish.
const STOPWORDS = new Set(['and', 'the', 'of', 'for', 'a', 'an', 'in', 'on', 'y', 'e', 'de', 'del', 'la', 'el', 'los', 'las', 'en', 'para', 'por', 'con']);

function words(text: string): string[] {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && !STOPWORDS.has(w));
}

/** A crude stem good enough for labels: the first five letters ("laborales" and "labor" share "labor"). */
const stem = (w: string) => w.slice(0, 5);

/** How well `value`'s words are found in one of a term's names: 1 each when equal, 0.8 when they share a stem. */
function score(value: string[], name: string[]): { covered: number; share: number } {
  let covered = 0;
  let matched = 0;
  for (const w of value) {
    if (name.includes(w) || name.includes(w.replace(/s$/, '')) || name.some((n) => n.replace(/s$/, '') === w)) { covered += 1; matched++; continue; }
    if (w.length >= 4 && name.some((n) => n.length >= 4 && stem(n) === stem(w))) { covered += 0.8; matched++; }
  }
  return { covered: value.length ? covered / value.length : 0, share: name.length ? matched / name.length : 0 };
}

/**
 * The key of the term `value` most probably means, or null when no term shares enough of its
 * words (at least half of them). Ties go to the term whose name is most covered, so "immigrant"
 * means "Immigrant rights" rather than "Immigrants and refugees' legal services".
 */
export function suggestTerm(value: string, terms: TermNames[]): string | null {
  const valueWords = words(value);
  if (valueWords.length === 0) return null;
  let best: { key: string; covered: number; share: number } | null = null;
  for (const term of terms) {
    for (const name of term.names) {
      const s = score(valueWords, words(name));
      if (s.covered < 0.5) continue;
      if (!best || s.covered > best.covered || (s.covered === best.covered && s.share > best.share)) best = { key: term.key, ...s };
    }
  }
  return best?.key ?? null;
}
