// Currencies, pure: how many minor units a currency has (USD 2, JPY 0, BHD 3), from the platform's ISO 4217 data.

export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** An amount in minor units as a number in major units (2550 USD → 25.5). */
export const majorUnits = (minor: number, currency: string) => minor / 10 ** currencyDigits(currency);
