/** An amount in minor units (cents) in the reader's language and the currency's own format. */
export const money = (minor: number, currency: string, lang: string) => new Intl.NumberFormat(lang, { style: 'currency', currency }).format(minor / 100);
