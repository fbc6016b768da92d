import { METRIC_DEFINITIONS, METRICS_VERSION } from './metric-definitions.ts';
import type { MetricValue } from './movement-metrics.ts';
import { currencyDigits } from '../shared/currency.ts';
import { bars, moneySankey } from './report-charts.ts';

// The funder report: one printable page per alliance and period, in English or Spanish — the
// movement metrics, the map of the money as a Sankey and a table, and what each number means —
// as HTML with print CSS (a browser prints it; Chromium turns it into the PDF). Pure.

export type ReportLanguage = 'en' | 'es';

const WORDS = {
  en: { title: 'Funder report', period: 'Period', members: 'member organizations', money: 'The map of the money', cameIn: 'Came in', regranted: 'Passed on to members',
    toBase: 'Reached base-building groups', noMoney: 'No grants recorded for this period.', flows: 'Largest flows', from: 'From', to: 'To', amount: 'Amount',
    transformations: 'Transformations', metrics: 'Every metric', value: 'Value', group: { transactions: 'Transactions', transformations: 'Transformations', depth: 'Participation depth',
      dominance: 'Dominance', trust: 'Trust', development: 'Development' }, notRecorded: 'not recorded',
    footer: (v: string, day: string) => `Metrics definitions ${v}: GET /api/metrics/definitions gives each formula. Computed from the alliance's record by Crossroads on ${day}.` },
  es: { title: 'Informe para financiadores', period: 'Período', members: 'organizaciones miembro', money: 'El mapa del dinero', cameIn: 'Ingresó', regranted: 'Transferido a miembros',
    toBase: 'Llegó a grupos de base', noMoney: 'No hay subvenciones registradas en este período.', flows: 'Flujos mayores', from: 'De', to: 'A', amount: 'Monto',
    transformations: 'Transformaciones', metrics: 'Todas las métricas', value: 'Valor', group: { transactions: 'Transacciones', transformations: 'Transformaciones', depth: 'Profundidad de la participación',
      dominance: 'Dominio', trust: 'Confianza', development: 'Desarrollo' }, notRecorded: 'sin registro',
    footer: (v: string, day: string) => `Definiciones de las métricas ${v}: GET /api/metrics/definitions da cada fórmula. Calculado a partir del registro de la alianza por Crossroads el ${day}.` },
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface FunderReportInput {
  language: ReportLanguage;
  alliance: { name: string };
  from: string; to: string; members: number;
  metrics: MetricValue[];
  money: {
    currency: string | null;
    nodes: { key: string; name: string }[];
    flows: { from: string; to: string; amountMinor: number }[];
    sankeyFlows: { from: string; to: string; amountMinor: number }[];
    totals: { cameInMinor: number; regrantedMinor: number; toBaseBuildingMinor: number; baseBuildingShare: number | null };
  };
  today: string;
}

export function funderReportHtml(r: FunderReportInput): string {
  const w = WORDS[r.language];
  const locale = r.language === 'es' ? 'es-US' : 'en-US';
  const number = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 2 });
  const percent = (n: number) => n.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 });
  const money = (minor: number) => (r.money.currency
    ? (minor / 10 ** currencyDigits(r.money.currency)).toLocaleString(locale, { style: 'currency', currency: r.money.currency, maximumFractionDigits: 0 }) : number(minor / 100));
  const date = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const name = (key: string) => METRIC_DEFINITIONS.find((d) => d.key === key)!.name[r.language];
  const byKey = new Map(r.metrics.map((m) => [m.key, m]));
  const show = (m: MetricValue) => (m.value === null ? w.notRecorded : m.unit === 'share' ? percent(m.value) : m.unit === 'index' ? m.value.toFixed(3) : number(m.value));
  const headline = ['meetings', 'attendance', 'organizations_taking_part', 'actions', 'first_time_pairs', 'ladder_moves_up', 'leader_share']
    .map((k) => `<div class="card"><b>${escape(show(byKey.get(k)!))}</b><span>${escape(name(k))}</span></div>`).join('');
  const nodeName = new Map(r.money.nodes.map((n) => [n.key, n.name]));
  const moneySection = r.money.flows.length
    ? `<div class="totals"><span>${w.cameIn}: <b>${money(r.money.totals.cameInMinor)}</b></span><span>${w.regranted}: <b>${money(r.money.totals.regrantedMinor)}</b></span>
       <span>${w.toBase}: <b>${money(r.money.totals.toBaseBuildingMinor)}</b>${r.money.totals.baseBuildingShare === null ? '' : ` (${percent(r.money.totals.baseBuildingShare)})`}</span></div>
       <figure>${moneySankey(r.money.nodes, r.money.sankeyFlows)}</figure>`
    : `<p>${w.noMoney}</p>`;
  const flowsTable = r.money.flows.length
    ? `<h2>${w.flows}</h2><table><thead><tr><th>${w.from}</th><th>${w.to}</th><th class="n">${w.amount}</th></tr></thead><tbody>
       ${r.money.flows.slice(0, 5).map((f) => `<tr><td>${escape(nodeName.get(f.from) ?? f.from)}</td><td>${escape(nodeName.get(f.to) ?? f.to)}</td><td class="n">${money(f.amountMinor)}</td></tr>`).join('')}
       </tbody></table>`
    : '';
  const transformations = bars(['first_time_pairs', 'issues_carried', 'stakeholder_moves_toward', 'sustained_ties', 'ladder_moves_up']
    .map((k) => ({ label: name(k), value: byKey.get(k)!.value ?? 0 })));
  const groups = [...new Set(r.metrics.map((m) => m.group))] as (keyof typeof w.group)[];
  const table = groups.map((g) => `<table><tr class="group"><th colspan="2">${w.group[g]}</th></tr>${r.metrics.filter((m) => m.group === g)
    .map((m) => `<tr><td>${escape(name(m.key))}</td><td class="n">${escape(show(m))}</td></tr>`).join('')}</table>`).join('');
  return `<!doctype html>
<html lang="${r.language}"><head><meta charset="utf-8"><title>${escape(`${w.title} · ${r.alliance.name}`)}</title>
<style>
  @page { size: Letter; margin: 12mm; }
  * { box-sizing: border-box; }
  body { font: 9pt/1.35 system-ui, sans-serif; color: #1c1917; margin: 0; }
  h1 { font-size: 15pt; margin: 0; } h2 { font-size: 10.5pt; margin: 8px 0 4px; color: #0f766e; }
  .meta { color: #57534e; margin-bottom: 6px; }
  .cards { display: grid; grid-template-columns: repeat(7, 1fr); gap: 4px; }
  .card { border: 1px solid #d6d3d1; border-radius: 4px; padding: 4px; } .card b { display: block; font-size: 12pt; } .card span { font-size: 7.5pt; color: #57534e; }
  .cols { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
  .totals { display: flex; gap: 12px; flex-wrap: wrap; }
  figure { margin: 2px 0; } svg { max-width: 100%; height: auto; }
  table { border-collapse: collapse; width: 100%; } td, th { padding: 1px 4px; border-bottom: 1px solid #e7e5e4; text-align: left; } .n { text-align: right; }
  tr.group th { background: #f5f5f4; font-weight: 600; }
  .metrics { column-count: 2; column-gap: 12px; } .metrics table { break-inside: avoid; margin-bottom: 4px; }
  footer { margin-top: 6px; color: #78716c; font-size: 7.5pt; }
  @media screen { body { max-width: 8.5in; margin: 16px auto; padding: 0 12px; } }
</style></head>
<body>
<h1>${w.title}: ${escape(r.alliance.name)}</h1>
<div class="meta">${w.period}: ${date(r.from)} – ${date(r.to)} · ${r.members} ${w.members}</div>
<div class="cards">${headline}</div>
<h2>${w.money}</h2>
${moneySection}
<div class="cols">
  <section>${flowsTable}</section>
  <section><h2>${w.transformations}</h2><figure>${transformations}</figure></section>
</div>
<h2>${w.metrics}</h2>
<div class="metrics">${table}</div>
<footer>${escape(w.footer(METRICS_VERSION, date(r.today)))}</footer>
</body></html>`;
}
