/** An amount in minor units (cents, or none for JPY) in the reader's language and the currency's own format. */
export function money(minor: number, currency: string, lang: string) {
  const format = new Intl.NumberFormat(lang, { style: 'currency', currency });
  return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}
