import { majorUnits } from '../shared/currency.ts';

// OSDI 1.x shapes (../shared/conformance/osdi/spec): HAL+JSON resources and collections, the
// person resource, the filter subset we answer, and osdi:error bodies. Pure: no database.

export const NAMESPACE = 'crossroads';

export interface Paging { page: number; perPage: number; total: number }

export function pagingOf(query: { page?: string; per_page?: string }, maxPageSize: number): { page: number; perPage: number } | string {
  const page = query.page === undefined ? 1 : Number(query.page);
  const perPage = query.per_page === undefined ? 25 : Number(query.per_page);
  if (!Number.isInteger(page) || page < 1 || page > 1_000_000) return 'page';
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > maxPageSize) return 'per_page';
  return { page, perPage };
}

const CURIES = (base: string) => [{ name: 'osdi', href: `${base}/docs/v1/{rel}`, templated: true }];

/** A collection page: paging numbers, links to self/next/prev and to each item, the items embedded. */
export function collection(base: string, path: string, rel: string, paging: Paging, items: { id: string; body: object }[], extraQuery = '') {
  const totalPages = Math.max(1, Math.ceil(paging.total / paging.perPage));
  const pageHref = (p: number) => `${base}${path}?page=${p}&per_page=${paging.perPage}${extraQuery}`;
  return {
    total_pages: totalPages, per_page: paging.perPage, page: paging.page, total_records: paging.total,
    _links: {
      self: { href: pageHref(paging.page) },
      ...(paging.page < totalPages ? { next: { href: pageHref(paging.page + 1) } } : {}),
      ...(paging.page > 1 ? { prev: { href: pageHref(Math.min(paging.page - 1, totalPages)) } } : {}),
      [rel]: items.map((i) => ({ href: `${base}${path}/${i.id}` })),
      curies: CURIES(base),
    },
    _embedded: { [rel]: items.map((i) => i.body) },
  };
}

export function entryPoint(base: string) {
  const link = (path: string, title: string) => ({ href: `${base}${path}`, title });
  return {
    motd: 'Crossroads: the working system for alliances of grassroots organizations. This token sees one organization\'s contacts.',
    vendor_name: 'Crossroads', product_name: 'Crossroads', osdi_version: '1.0', max_pagesize: 100, namespace: NAMESPACE,
    _links: {
      curies: CURIES(base),
      self: link('', 'This API entry point'),
      'osdi:people': link('/people', 'The collection of people in the system'),
      'osdi:tags': link('/tags', 'The collection of tags in the system'),
      'osdi:lists': link('/lists', 'The collection of lists in the system'),
      'osdi:questions': link('/questions', 'The collection of questions in the system'),
      'osdi:canvassing_efforts': link('/canvassing_efforts', 'The collection of canvassing efforts in the system'),
      'osdi:events': link('/events', 'The collection of events in the system'),
      'osdi:donations': link('/donations', 'The collection of donations in the system'),
      'osdi:person_signup_helper': link('/people/person_signup', 'The person signup helper for the system'),
      docs: { href: `${base}/docs/v1/`, title: 'Documentation', name: 'Docs', index: 'index' },
    },
  };
}

export interface PersonFacts {
  id: string; externalId: string | null; source: string; firstName: string; lastName: string; languages: string[]; city: string | null; state: string | null;
  zip: string | null; tags: string[]; customFields: Record<string, string>; emailOptIn: boolean | null; smsOptIn: boolean | null; createdAt: string; updatedAt: string;
  details: { email?: string; phone?: string; street?: string; birthDate?: string; middleName?: string };
}

const osdiDate = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z');

export function personResource(base: string, p: PersonFacts) {
  const d = p.details;
  const [year, month, day] = d.birthDate ? d.birthDate.split('-').map(Number) : [];
  return {
    identifiers: [`${NAMESPACE}:${p.id}`, ...(p.externalId ? [p.externalId.includes(':') ? p.externalId : `${p.source.replace(/[^a-z0-9_]/gi, '_')}:${p.externalId}`] : [])],
    origin_system: 'Crossroads', created_date: osdiDate(p.createdAt), modified_date: osdiDate(p.updatedAt),
    given_name: p.firstName, family_name: p.lastName, ...(d.middleName ? { additional_name: d.middleName } : {}),
    ...(year ? { birthdate: { year, month, day } } : {}), languages_spoken: p.languages, ...(p.languages[0] ? { preferred_language: p.languages[0] } : {}),
    email_addresses: d.email ? [{ primary: true, address: d.email, status: p.emailOptIn === false ? 'unsubscribed' : p.emailOptIn ? 'subscribed' : 'unknown' }] : [],
    phone_numbers: d.phone ? [{ primary: true, number: d.phone.replace(/^\+/, ''), ...(p.smsOptIn !== null ? { sms_capable: p.smsOptIn } : {}) }] : [],
    postal_addresses: d.street || p.city || p.zip || p.state ? [{ primary: true, address_lines: d.street ? [d.street] : [], ...(p.city ? { locality: p.city } : {}),
      ...(p.state ? { region: p.state } : {}), ...(p.zip ? { postal_code: p.zip } : {}), country: 'US' }] : [],
    custom_fields: p.customFields,
    _links: {
      self: { href: `${base}/people/${p.id}` },
      'osdi:taggings': { href: `${base}/people/${p.id}/taggings` },
    },
  };
}

export function tagResource(base: string, t: { id: string; name: string; createdAt: Date | string; updatedAt: Date | string }) {
  return {
    identifiers: [`${NAMESPACE}:${t.id}`], name: t.name, created_date: osdiDate(new Date(t.createdAt).toISOString()), modified_date: osdiDate(new Date(t.updatedAt).toISOString()),
    _links: { self: { href: `${base}/tags/${t.id}` }, 'osdi:taggings': { href: `${base}/tags/${t.id}/taggings` } },
  };
}

export function taggingResource(base: string, tagId: string, personId: string) {
  return {
    identifiers: [`${NAMESPACE}:${tagId}:${personId}`],
    _links: { self: { href: `${base}/tags/${tagId}/taggings/${personId}` }, 'osdi:tag': { href: `${base}/tags/${tagId}` }, 'osdi:person': { href: `${base}/people/${personId}` } },
  };
}

export function listResource(base: string, l: { id: string; name: string; description: string | null; size: number; createdAt: Date | string; updatedAt: Date | string }) {
  return {
    identifiers: [`${NAMESPACE}:${l.id}`], name: l.name, title: l.name, ...(l.description ? { description: l.description } : {}), total_items: l.size,
    created_date: osdiDate(new Date(l.createdAt).toISOString()), modified_date: osdiDate(new Date(l.updatedAt).toISOString()),
    _links: { self: { href: `${base}/lists/${l.id}` }, 'osdi:items': { href: `${base}/lists/${l.id}/items` } },
  };
}

export function itemResource(base: string, listId: string, contactId: string) {
  return {
    identifiers: [`${NAMESPACE}:${listId}:${contactId}`], item_type: 'osdi:person',
    _links: { self: { href: `${base}/lists/${listId}/items/${contactId}` }, 'osdi:list': { href: `${base}/lists/${listId}` }, 'osdi:person': { href: `${base}/people/${contactId}` } },
  };
}

/** The filter we answer: conditions joined by "and" on modified_date (gt, lt, eq) and email_address (eq). */
export interface PeopleFilter { modified?: { op: '>' | '<' | '='; at: Date }[]; email?: string }

export function parsePeopleFilter(filter: string): PeopleFilter | string {
  const result: PeopleFilter = {};
  for (const part of filter.trim().split(/\s+and\s+/i)) {
    const m = /^(modified_date|email_address)\s+(eq|gt|lt)\s+'((?:[^']|'')*)'$/i.exec(part.trim());
    if (!m) return `cannot filter on "${part.trim().slice(0, 80)}": use modified_date gt|lt|eq '2024-01-31T00:00:00Z' or email_address eq '…', joined by and`;
    const [, field, op, raw] = m;
    const value = raw!.replace(/''/g, "'");
    if (field!.toLowerCase() === 'email_address') {
      if (op!.toLowerCase() !== 'eq') return 'email_address takes eq only';
      result.email = value;
    } else {
      const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
      if (Number.isNaN(at.getTime())) return `"${value.slice(0, 40)}" is not a date and time`;
      (result.modified ??= []).push({ op: op!.toLowerCase() === 'gt' ? '>' : op!.toLowerCase() === 'lt' ? '<' : '=', at });
    }
  }
  return result;
}

/** An osdi:error body for an atomic request. */
export function osdiError(status: number, errorCode: string, description: string, properties: string[] = [], hint?: string) {
  return {
    'osdi:error': {
      request_type: 'atomic', response_code: status,
      resource_status: [{ resource: 'osdi:person', response_code: status, error_descriptions: [{ error_code: errorCode, description, properties, ...(hint ? { hint } : {}) }] }],
    },
  };
}

const CONTACT_TYPE: Record<string, string> = { canvass: 'in-person', phone_bank: 'phone', text_bank: 'text', relational: 'in-person' };
const EFFORT_TYPE: Record<string, string> = { canvass: 'in-person', phone_bank: 'phone banking', text_bank: 'text banking', relational: 'relational' };

export function canvassingEffortResource(base: string, e: { id: string; name: string; kind: string; createdAt: Date | string; updatedAt: Date | string; total: number }) {
  return {
    identifiers: [`${NAMESPACE}:${e.id}`], origin_system: 'Crossroads', name: e.name, title: e.name, type: EFFORT_TYPE[e.kind] ?? e.kind, total_canvasses: e.total,
    created_date: osdiDate(new Date(e.createdAt).toISOString()), modified_date: osdiDate(new Date(e.updatedAt).toISOString()),
    _links: { self: { href: `${base}/canvassing_efforts/${e.id}` }, 'osdi:canvasses': { href: `${base}/canvassing_efforts/${e.id}/canvasses` } },
  };
}

export function canvassResource(base: string, effort: { id: string; kind: string }, a: { id: string; contactId: string | null; result: string; madeAt: Date | string }) {
  return {
    identifiers: [`${NAMESPACE}:${a.id}`], origin_system: 'Crossroads', action_date: osdiDate(new Date(a.madeAt).toISOString()), contact_type: CONTACT_TYPE[effort.kind] ?? 'in-person',
    input_type: 'mobile', success: a.result === 'contacted' || a.result === 'attended', status_code: a.result === 'contacted' ? 'success' : a.result.replace(/_/g, '-'),
    _links: {
      self: { href: `${base}/canvassing_efforts/${effort.id}/canvasses/${a.id}` }, 'osdi:canvassing_effort': { href: `${base}/canvassing_efforts/${effort.id}` },
      ...(a.contactId ? { 'osdi:target': { href: `${base}/people/${a.contactId}` } } : {}),
    },
  };
}

/** A script question as an OSDI question; its id joins the effort's and the question's keys. */
export function questionResource(base: string, effortId: string, q: { key: string; type: string; prompt: { en: string; es: string }; choices?: { key: string; label: { en: string } }[] }) {
  const id = `${effortId}.${q.key}`;
  const type = q.type === 'text' ? 'Paragraph' : 'SingleChoice';
  const responses = q.type === 'yes_no' ? [{ key: 'true', name: 'Yes', title: 'Yes' }, { key: 'false', name: 'No', title: 'No' }]
    : q.type === 'choice' ? (q.choices ?? []).map((c) => ({ key: c.key, name: c.label.en, title: c.label.en })) : [];
  return {
    identifiers: [`${NAMESPACE}:${id}`], origin_system: 'Crossroads', name: q.key, title: q.prompt.en, description: q.prompt.es, question_type: type,
    ...(responses.length ? { responses } : {}),
    _links: { self: { href: `${base}/questions/${id}` }, 'osdi:answers': { href: `${base}/questions/${id}/answers` } },
  };
}

export function answerResource(base: string, questionId: string, key: string, a: { id: string; contactId: string | null; answers: Record<string, unknown>; madeAt: Date | string }) {
  const value = a.answers[key];
  return {
    identifiers: [`${NAMESPACE}:${a.id}.${key}`], origin_system: 'Crossroads', action_date: osdiDate(new Date(a.madeAt).toISOString()),
    ...(typeof value === 'string' || typeof value === 'number' ? { value: String(value) } : {}), responses: [String(value)],
    _links: { self: { href: `${base}/questions/${questionId}/answers/${a.id}` }, 'osdi:question': { href: `${base}/questions/${questionId}` },
      ...(a.contactId ? { 'osdi:person': { href: `${base}/people/${a.contactId}` } } : {}) },
  };
}

export interface EventFacts {
  id: string; title: string; kind: string; description: string | null; place: string | null; startsAt: string; endsAt: string; timeZone: string;
  holderName: string; createdAt: Date | string; updatedAt: Date | string; accepted: number;
}

/** Wall-clock time in the event's zone, as the convening keeps it, written with the zone's offset. */
function zonedDate(local: string, timeZone: string) {
  const offsetAt = (instant: Date) => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value.replace('GMT', '') || '+00:00';
  const minutes = (offset: string) => (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const asUtc = new Date(`${local}:00Z`);
  // The offset at the wall-clock time read as UTC, then at the instant that offset gives (right across a DST change).
  const offset = offsetAt(new Date(asUtc.getTime() - minutes(offsetAt(asUtc)) * 60_000));
  return `${local}:00${offset}`;
}

/** A convening as an OSDI event: open RSVP, confirmed; total_accepted counts this organization's people only. */
export function eventResource(base: string, e: EventFacts) {
  return {
    identifiers: [`${NAMESPACE}:${e.id}`], origin_system: 'Crossroads', name: e.title, title: e.title, ...(e.description ? { description: e.description } : {}),
    type: 'open', status: 'confirmed', start_date: zonedDate(e.startsAt, e.timeZone), end_date: zonedDate(e.endsAt, e.timeZone), timezone_identifier: e.timeZone,
    total_accepted: e.accepted, ...(e.place ? { location: { venue: e.place } } : {}), contact: { name: e.holderName },
    created_date: osdiDate(new Date(e.createdAt).toISOString()), modified_date: osdiDate(new Date(e.updatedAt).toISOString()),
    custom_fields: { kind: e.kind },
    _links: {
      self: { href: `${base}/events/${e.id}` }, 'osdi:attendances': { href: `${base}/events/${e.id}/attendances` },
      'osdi:record_attendance_helper': { href: `${base}/events/${e.id}/record_attendance_helper` },
    },
  };
}

export interface AttendanceFacts { id: string; contactId: string; conveningId: string | null; status: 'registered' | 'attended' | 'no_show'; createdAt: Date | string; updatedAt: Date | string }

/** Registered: accepted, attendance not known yet; attended or no-show: accepted, and whether they came. */
export function attendanceResource(base: string, a: AttendanceFacts) {
  return {
    identifiers: [`${NAMESPACE}:${a.id}`], origin_system: 'Crossroads', action_date: osdiDate(new Date(a.createdAt).toISOString()),
    created_date: osdiDate(new Date(a.createdAt).toISOString()), modified_date: osdiDate(new Date(a.updatedAt).toISOString()),
    status: 'accepted', ...(a.status === 'registered' ? {} : { attended: a.status === 'attended' }),
    _links: {
      self: { href: `${base}/events/${a.conveningId}/attendances/${a.id}` }, 'osdi:event': { href: `${base}/events/${a.conveningId}` },
      'osdi:person': { href: `${base}/people/${a.contactId}` },
    },
  };
}

/** What an OSDI attendance body says about coming: declined and cancelled are refused by the caller. */
export function attendanceStatusOf(body: { status?: unknown; attended?: unknown }): 'registered' | 'attended' | 'no_show' | 'declined' | string {
  const status = body.status === undefined ? 'accepted' : body.status;
  if (status === 'declined' || status === 'cancelled') return 'declined';
  if (status !== 'accepted' && status !== 'tentative' && status !== 'needs action') return 'status';
  if (body.attended === undefined || body.attended === null) return 'registered';
  if (typeof body.attended !== 'boolean') return 'attended';
  return body.attended ? 'attended' : 'no_show';
}

export interface DonationFacts {
  id: string; contactId: string; amountMinor: number; currency: string; receivedOn: string; method: string | null; receiptId: string | null; appeal: string | null;
  refundedOn: string | null; organizationName: string; createdAt: Date | string;
}

const PAYMENT_METHOD: Record<string, string> = { card: 'Credit Card', 'credit card': 'Credit Card', check: 'Check', cash: 'Cash', eft: 'Electronic Funds Transfer', ach: 'Electronic Funds Transfer' };

/** A gift as an OSDI donation; a refund is a credit of the whole amount. */
export function donationResource(base: string, d: DonationFacts) {
  const amount = majorUnits(d.amountMinor, d.currency);
  return {
    identifiers: [`${NAMESPACE}:${d.id}`], origin_system: 'Crossroads', action_date: `${d.receivedOn}T00:00:00Z`, created_date: osdiDate(new Date(d.createdAt).toISOString()),
    amount, currency: d.currency, recipients: [{ display_name: d.organizationName, amount }],
    ...(d.method || d.receiptId ? { payment: { ...(d.method ? { method: PAYMENT_METHOD[d.method.toLowerCase()] ?? d.method } : {}), ...(d.receiptId ? { reference_number: d.receiptId } : {}) } } : {}),
    ...(d.refundedOn ? { credited_amount: amount, credited_date: `${d.refundedOn}T00:00:00Z` } : {}),
    ...(d.appeal ? { referrer_data: { source: d.appeal } } : {}),
    _links: { self: { href: `${base}/donations/${d.id}` }, 'osdi:person': { href: `${base}/people/${d.contactId}` } },
  };
}
