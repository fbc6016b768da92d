/** An amount in minor units of any currency (2 decimals for USD, 0 for JPY), in the reader's language. */
export function currencyMoney(minor: number, currency: string, lang: string) {
  const format = new Intl.NumberFormat(lang, { style: 'currency', currency });
  return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}
