import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/Chart.tsx';
import { formatDate } from '../../dates.ts';

interface Named { id: string; name: string }
export interface Results {
  minRaters: number;
  responses: { invited: number; responded: number; rate: number };
  ties: number; density: number; centralization: number; trust: number | null; value: number | null;
  organizations: { id: string; name: string; responded: boolean; degree: number; connectivity: number; raters: number | null; suppressed: boolean; trustReceived: number | null; valueReceived: number | null }[];
  asymmetric: { count: number; shown: { a: Named; b: Named; aToB: number; bToA: number }[] };
  disclosedPairs: { a: Named; b: Named; aToB: number | null; bToA: number | null }[];
  factors: { category: string; factor: string; answers: number; mean: number | null; reading: string | null }[];
  contributions: { contribution: string; organizations: string[] }[];
  sinceLastWave: null | { previous: { title: string }; strengthened: number; weakened: number; steady: number; shown: { a: Named; b: Named; before: number; after: number; change: string }[] };
  overWaves: { id: string; title: string; closedAt: string; responseRate: number; density: number; centralization: number; trust: number | null; value: number | null }[];
}

const pct = (v: number) => `${Math.round(v * 1000) / 10} %`;
const num = (v: number | null) => (v === null ? '—' : v.toFixed(2));

/** A closed wave's results, as every member of the alliance reads them. */
export function SurveyResults({ r }: { r: Results }) {
  const { t } = useTranslation();
  const headline: [string, string][] = [
    ['responseRate', `${pct(r.responses.rate)} (${r.responses.responded}/${r.responses.invited})`], ['density', pct(r.density)],
    ['centralization', pct(r.centralization)], ['trust', `${num(r.trust)} / 4`], ['value', `${num(r.value)} / 4`],
  ];
  const trendOption = {
    tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 40, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: r.overWaves.map((w) => formatDate(w.closedAt)) },
    yAxis: [{ type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${v * 100}%` } }, { type: 'value', min: 1, max: 4, show: false }],
    series: [
      { name: t('survey.results.density'), type: 'line', data: r.overWaves.map((w) => w.density) },
      { name: t('survey.results.centralization'), type: 'line', data: r.overWaves.map((w) => w.centralization) },
      { name: t('survey.results.responseRate'), type: 'line', data: r.overWaves.map((w) => w.responseRate) },
      { name: t('survey.results.trustScaled'), type: 'line', data: r.overWaves.map((w) => (w.trust === null ? null : w.trust / 4)) },
      { name: t('survey.results.valueScaled'), type: 'line', data: r.overWaves.map((w) => (w.value === null ? null : w.value / 4)) },
    ],
  };
  return (
    <section aria-labelledby="results" className="flex flex-col gap-4">
      <h2 id="results" className="text-xl font-semibold">{t('survey.results.title')}</h2>
      <p className="text-sm text-stone-700">{t('survey.results.howRead', { min: r.minRaters })}</p>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5">
        {headline.map(([key, value]) => (
          <div key={key} className="rounded border border-stone-200 bg-white p-2"><dt className="text-xs text-stone-600">{t(`survey.results.${key}`)}</dt><dd className="text-lg font-semibold">{value}</dd></div>
        ))}
      </dl>

      <div className="overflow-x-auto">
        <table className="w-full min-w-[32rem] border-collapse bg-white text-sm">
          <caption className="text-left font-semibold">{t('survey.results.organizations')}</caption>
          <thead><tr className="border-b text-left">
            <th className="p-1">{t('survey.results.organization')}</th><th className="p-1 text-right">{t('survey.results.ties')}</th>
            <th className="p-1 text-right">{t('survey.results.connectivity')}</th><th className="p-1 text-right">{t('survey.results.trustReceived')}</th>
            <th className="p-1 text-right">{t('survey.results.valueReceived')}</th></tr></thead>
          <tbody>{r.organizations.map((o) => (
            <tr key={o.id} className="border-b">
              <td className="p-1">{o.name}{!o.responded && <span className="text-stone-500"> · {t('survey.results.didNotAnswer')}</span>}</td>
              <td className="p-1 text-right">{o.degree}</td><td className="p-1 text-right">{pct(o.connectivity)}</td>
              {o.suppressed
                ? <td colSpan={2} className="p-1 text-right text-stone-500">{t('survey.results.hidden', { min: r.minRaters })}</td>
                : <><td className="p-1 text-right">{num(o.trustReceived)}</td><td className="p-1 text-right">{num(o.valueReceived)}</td></>}
            </tr>
          ))}</tbody>
        </table>
      </div>

      <section aria-labelledby="pairs" className="flex flex-col gap-1">
        <h3 id="pairs" className="font-semibold">{t('survey.results.asymmetricTitle')}</h3>
        <p className="text-sm">{t('survey.results.asymmetricCount', { count: r.asymmetric.count })}</p>
        <ul className="list-disc pl-5 text-sm">{r.asymmetric.shown.map((p) => (
          <li key={`${p.a.id}-${p.b.id}`}>{t('survey.results.pairSees', { a: p.a.name, b: p.b.name, aToB: t(`survey.levels.${p.aToB}`), bToA: t(`survey.levels.${p.bToA}`) })}</li>
        ))}</ul>
        {r.asymmetric.count > r.asymmetric.shown.length && <p className="text-xs text-stone-600">{t('survey.results.pairsHidden')}</p>}
      </section>

      {r.sinceLastWave && (
        <section aria-labelledby="since" className="flex flex-col gap-1">
          <h3 id="since" className="font-semibold">{t('survey.results.sinceTitle', { previous: r.sinceLastWave.previous.title })}</h3>
          <p className="text-sm">{t('survey.results.sinceCounts', { strengthened: r.sinceLastWave.strengthened, weakened: r.sinceLastWave.weakened, steady: r.sinceLastWave.steady })}</p>
          <ul className="list-disc pl-5 text-sm">{r.sinceLastWave.shown.map((p) => (
            <li key={`${p.a.id}-${p.b.id}`}>{t(`survey.results.tie_${p.change}`, { a: p.a.name, b: p.b.name, before: p.before.toFixed(1), after: p.after.toFixed(1) })}</li>
          ))}</ul>
        </section>
      )}

      {r.overWaves.length > 1 && (
        <section aria-labelledby="over-waves" className="flex flex-col gap-1">
          <h3 id="over-waves" className="font-semibold">{t('survey.results.overWaves')}</h3>
          <Chart option={trendOption} height={260} label={t('survey.results.overWavesLabel')} />
          <div className="overflow-x-auto"><table className="w-full min-w-[32rem] bg-white text-sm">
            <thead><tr className="border-b text-left"><th className="p-1">{t('survey.results.wave')}</th><th className="p-1 text-right">{t('survey.results.responseRate')}</th>
              <th className="p-1 text-right">{t('survey.results.density')}</th><th className="p-1 text-right">{t('survey.results.centralization')}</th>
              <th className="p-1 text-right">{t('survey.results.trust')}</th><th className="p-1 text-right">{t('survey.results.value')}</th></tr></thead>
            <tbody>{r.overWaves.map((w) => (
              <tr key={w.id} className="border-b"><td className="p-1">{w.title}</td><td className="p-1 text-right">{pct(w.responseRate)}</td><td className="p-1 text-right">{pct(w.density)}</td>
                <td className="p-1 text-right">{pct(w.centralization)}</td><td className="p-1 text-right">{num(w.trust)}</td><td className="p-1 text-right">{num(w.value)}</td></tr>
            ))}</tbody>
          </table></div>
        </section>
      )}

      {r.factors.length > 0 && (
        <section aria-labelledby="factors" className="flex flex-col gap-1">
          <h3 id="factors" className="font-semibold">{t('survey.results.factorsTitle')}</h3>
          <ul className="flex flex-col gap-1 text-sm">{r.factors.map((f) => (
            <li key={f.factor} className="flex flex-wrap items-center gap-2">
              <span className="w-56">{t(`survey.factor.${f.factor}`)}</span>
              {f.mean !== null && <meter min={1} max={5} low={3} high={4} optimum={5} value={f.mean} className="w-32" />}
              <span>{f.mean === null ? t('survey.results.fewAnswers', { min: r.minRaters }) : `${f.mean.toFixed(2)} / 5 · ${t(`survey.reading.${f.reading}`)}`} ({t('survey.results.answers', { count: f.answers })})</span>
            </li>
          ))}</ul>
          <p className="text-xs text-stone-600">{t('survey.results.factorsSource')}</p>
        </section>
      )}

      {r.contributions.length > 0 && (
        <section aria-labelledby="contributions" className="flex flex-col gap-1">
          <h3 id="contributions" className="font-semibold">{t('survey.results.contributionsTitle')}</h3>
          <ul className="list-disc pl-5 text-sm">{r.contributions.map((c) => <li key={c.contribution}><strong>{t(`survey.contributions.${c.contribution}`)}</strong>: {c.organizations.join(', ')}</li>)}</ul>
        </section>
      )}
      <p className="text-xs text-stone-600">{t('survey.results.sources')}</p>
    </section>
  );
}
