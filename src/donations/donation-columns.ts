import { type ColumnMapping, suggestFromAliases } from '../imports/column-mapping.ts';
import { parseDate } from '../imports/csv-rows.ts';
import { looksLikeEmail, normalizeEmail } from '../contacts/contact-identity.ts';

// The columns of donation exports from ActBlue, Action Network, NGP VAN / EveryAction and
// CiviCRM, and one row read into a gift and its donor, pure. Amounts are read in major units
// ("$1,234.56") and kept in minor units; a refunded or cancelled status marks the gift refunded.

export const DONATION_FIELDS = ['receiptId', 'amount', 'date', 'currency', 'firstName', 'lastName', 'email', 'phone', 'street', 'city', 'state', 'zip',
  'fund', 'campaign', 'appeal', 'method', 'status', 'externalId'] as const;
export type DonationField = (typeof DONATION_FIELDS)[number];

// Known names, normalized (lowercase letters and digits), best first.
const ALIASES: Record<DonationField, string[]> = {
  receiptId: ['receiptid', 'contributionid', 'donationid', 'transactionid', 'lineitemid', 'onlinereferencenumber', 'invoiceid', 'trxnid', 'reciboid'],
  amount: ['amount', 'totalamount', 'contributionamount', 'donationamount', 'amountreceived', 'monto', 'cantidad'],
  date: ['date', 'datereceived', 'receivedate', 'contributiondate', 'donationdate', 'createdat', 'createddate', 'paiddate', 'fecha'],
  currency: ['currency', 'currencycode', 'moneda'],
  firstName: ['donorfirstname', 'firstname', 'first', 'givenname', 'nombre'],
  lastName: ['donorlastname', 'lastname', 'last', 'familyname', 'surname', 'apellido', 'apellidos'],
  email: ['donoremail', 'email', 'emailaddress', 'preferredemail', 'correo', 'correoelectronico'],
  phone: ['donorphone', 'phone', 'phonenumber', 'preferredphone', 'mobilephone', 'cellphone', 'telefono'],
  street: ['donoraddr1', 'address1', 'address', 'streetaddress', 'addressline1', 'direccion'],
  city: ['donorcity', 'city', 'ciudad'],
  state: ['donorstate', 'state', 'stateorprovince', 'stateprovince', 'estado'],
  zip: ['donorzip', 'zip', 'zipcode', 'zip5', 'postalcode', 'codigopostal'],
  fund: ['fund', 'designation', 'financialtype', 'fondo'],
  campaign: ['campaign', 'fundraisingpage', 'form', 'formname', 'campana'],
  appeal: ['appeal', 'sourcecode', 'referencecode', 'source', 'codigo'],
  method: ['paymentmethod', 'method', 'cardtype', 'paymenttype', 'formadepago'],
  status: ['contributionstatus', 'status', 'estado_donacion'],
  // Ids of the organizing tools the contacts came from; a bare "Contact ID" could be any system's.
  externalId: ['vanid', 'externalidentifier', 'nationbuilderid'],
};

export const suggestDonationMapping = (headers: string[]): ColumnMapping => suggestFromAliases(ALIASES, headers, false);

export interface DonationRow {
  receiptId: string | null; amountMinor: number; receivedOn: string; currency: string | null; refunded: boolean;
  fund: string | null; campaign: string | null; appeal: string | null; method: string | null;
  donor: { firstName: string; lastName: string; email: string | null; phone: string | null; street: string | null; city: string | null; state: string | null; zip: string | null; externalId: string | null };
}

/** "$1,234.56", "1234.5", "1.234,56 €" → minor units; undefined if not an amount. */
export function parseAmount(value: string): number | undefined {
  let v = value.replace(/[\s$€£]|USD|EUR|MXN/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(v) || /^\d+,\d{1,2}$/.test(v)) v = v.replace(/\./g, '').replace(',', '.');
  else v = v.replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(v)) return undefined;
  const [whole, cents = ''] = v.split('.');
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}

const REFUNDED = /^(refunded|cancelled|canceled|chargeback|reembolsad[ao]|cancelad[ao])$/i;

/** One row of a donations file: the gift and its donor, or the errors named by column. */
export function readDonationRow(row: Record<string, string>, columns: Map<string, string[]>):
  { ok: true; value: DonationRow } | { ok: false; errors: { column: string; message: string }[] } {
  const errors: { column: string; message: string }[] = [];
  const cell = (field: DonationField) => {
    for (const c of columns.get(field) ?? []) if (row[c]) return { column: c, value: row[c]! };
    return undefined;
  };
  const text = (field: DonationField, max = 100) => cell(field)?.value.slice(0, max) ?? null;
  const amountCell = cell('amount');
  const amount = amountCell ? parseAmount(amountCell.value) : undefined;
  if (!amountCell) errors.push({ column: 'amount', message: 'an amount is required' });
  else if (amount === undefined || amount <= 0) errors.push({ column: amountCell.column, message: 'not an amount (e.g. 25.00)' });
  const dateCell = cell('date');
  const rawDate = dateCell?.value.trim() ?? '';
  // "03/15/2024 10:22 AM": the date before the time.
  const receivedOn = dateCell ? parseDate(/^\d{1,2}\/\d{1,2}\/\d{4}\s/.test(rawDate) ? rawDate.split(/\s/)[0]! : rawDate) : undefined;
  if (!dateCell) errors.push({ column: 'date', message: 'a date is required' });
  else if (!receivedOn || receivedOn.length !== 10) errors.push({ column: dateCell.column, message: 'not a date: use YYYY-MM-DD or MM/DD/YYYY' });
  const emailCell = cell('email');
  const email = emailCell && looksLikeEmail(emailCell.value.trim()) ? normalizeEmail(emailCell.value) : null;
  const currency = text('currency');
  if (currency && !/^[A-Za-z]{3}$/.test(currency.trim())) errors.push({ column: cell('currency')!.column, message: 'an ISO 4217 code such as USD' });
  const donor = {
    firstName: text('firstName') ?? '', lastName: text('lastName') ?? '', email, phone: text('phone', 40), street: text('street', 300), city: text('city'),
    state: text('state', 40), zip: text('zip', 10), externalId: text('externalId'),
  };
  if (!donor.firstName && !donor.lastName && !donor.email && !donor.externalId) errors.push({ column: 'email', message: 'a donor needs a name, an email or an id' });
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: {
    receiptId: text('receiptId'), amountMinor: amount!, receivedOn: receivedOn!, currency: currency ? currency.trim().toUpperCase() : null,
    refunded: REFUNDED.test(text('status') ?? ''), fund: text('fund'), campaign: text('campaign'), appeal: text('appeal'), method: text('method', 40), donor,
  } };
}
