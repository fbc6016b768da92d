// Amounts in any currency's minor units, as the donations pages write them.
export { money as currencyMoney } from '../donations/money.ts';
