import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api.ts';
import { ErrorBanner } from '../../components/Field.tsx';
import { formatDate } from '../../dates.ts';
import { money } from './money.ts';
import { FiscalYearSelect } from './FiscalYearSelect.tsx';

interface Report {
  fiscalYear: number; from: string; to: string; donors: number; newDonors: number; retained: number; recaptured: number; lapsed: number;
  retentionRate: number | null; upgraded: number; downgraded: number; totalAmount: number; gifts: number; averageGift: number | null; medianGift: number | null;
  lybuntCount: number; sybuntCount: number; lybunt: { contactId: string; name: string }[]; sybunt: { contactId: string; name: string }[];
  pyramid: { key: string; donors: number; amount: number }[];
}

/** The donor report of a fiscal year: the numbers, the pyramid, and who to call back (LYBUNT, SYBUNT). */
export function DonorReportSection({ spaceId }: { spaceId: string }) {
  const { t, i18n } = useTranslation();
  const [year, setYear] = useState(() => new Date().getUTCFullYear());
  const [report, setReport] = useState<Report | null>(null);
  const [currency, setCurrency] = useState('USD');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { void api.get<{ currency: string }>(`/spaces/${spaceId}/fundraising-settings`).then((s) => setCurrency(s.currency), () => undefined); }, [spaceId]);
  useEffect(() => {
    void api.get<Report>(`/spaces/${spaceId}/donor-report?year=${year}`).then((r) => { setReport(r); setError(null); }, (err: unknown) => setError(errorText(t, err)));
  }, [spaceId, year]);
  const m = (minor: number | null) => (minor === null ? '—' : money(minor, currency, i18n.language));
  const maxBand = Math.max(1, ...(report?.pyramid.map((b) => b.donors) ?? [1]));
  return (
    <section aria-labelledby="report-title" className="rounded border border-stone-200 bg-white p-3">
      <h2 id="report-title" className="text-lg font-semibold">{t('donations.report')}</h2>
      <ErrorBanner message={error} />
      <FiscalYearSelect year={year} onChange={setYear} />
      {report && (
        <>
          <p className="mt-1 text-sm text-stone-600">{t('donations.span', { from: formatDate(report.from), to: formatDate(report.to) })}</p>
          <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
            {([['donors', report.donors], ['newDonors', report.newDonors], ['retained', report.retained], ['recaptured', report.recaptured],
              ['retentionRate', report.retentionRate === null ? '—' : `${Math.round(report.retentionRate * 100)} %`], ['upgraded', report.upgraded], ['downgraded', report.downgraded],
              ['totalAmount', m(report.totalAmount)], ['averageGift', m(report.averageGift)], ['medianGift', m(report.medianGift)],
              ['lybunt', report.lybuntCount], ['sybunt', report.sybuntCount]] as const).map(([key, value]) => (
              <div key={key} className="flex flex-col"><dt className="text-stone-600">{t(`donations.metrics.${key}`)}</dt><dd className="text-lg font-semibold">{value}</dd></div>
            ))}
          </dl>
          <h3 className="mt-3 font-medium">{t('donations.pyramid')}</h3>
          <table className="text-sm"><caption className="sr-only">{t('donations.pyramid')}</caption>
            <tbody>{[...report.pyramid].reverse().map((b) => (
              <tr key={b.key}><th scope="row" className="pr-3 text-left font-normal">{t(`donations.bands.${b.key}`)}</th>
                <td className="w-40"><div className="h-3 bg-amber-700" style={{ width: `${(100 * b.donors) / maxBand}%` }} /></td>
                <td className="pl-2 text-right">{b.donors}</td></tr>
            ))}</tbody>
          </table>
          {(['lybunt', 'sybunt'] as const).map((list) => report[list].length > 0 && (
            <details key={list} className="mt-2 text-sm">
              <summary className="cursor-pointer font-medium">{t(`donations.lists.${list}`, { count: report[`${list}Count`] })}</summary>
              <ul className="columns-2 sm:columns-3">{report[list].map((d) => <li key={d.contactId}>{d.name || t('contacts.noName')}</li>)}</ul>
            </details>
          ))}
        </>
      )}
    </section>
  );
}
