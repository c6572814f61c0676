import { collectMeetingReport, readMeta, renderCsvReport, renderMarkdownReport } from '@costudio/shared';
import type * as Y from 'yjs';
import { useT } from '../i18n/useT.ts';
import { downloadText } from './downloadText.ts';
import { reportFileName } from './reportFileName.ts';

/**
 * The meeting report, made from the live board at the moment of the click by the shared report
 * functions (which escape note text for Markdown and neutralise formulas for spreadsheets).
 */
export function ReportDownload({ doc }: { doc: Y.Doc }) {
  const t = useT();
  // The report is written in the language chosen at the moment it is made.
  const download = (format: 'md' | 'csv') => {
    const now = Date.now();
    const report = collectMeetingReport(doc, { now, t });
    const fileName = reportFileName(readMeta(doc).title, now, format);
    if (format === 'md') downloadText(fileName, renderMarkdownReport(report, t), 'text/markdown');
    else downloadText(fileName, renderCsvReport(report, t), 'text/csv');
  };
  return (
    <section className="report-download" aria-labelledby="report-heading">
      <h3 id="report-heading">{t.t('report.panel.title')}</h3>
      <p>{t.t('report.panel.body')}</p>
      <div className="report-download__buttons">
        <button type="button" onClick={() => download('md')}>
          {t.t('report.panel.markdown')}
        </button>
        <button type="button" onClick={() => download('csv')}>
          {t.t('report.panel.csv')}
        </button>
      </div>
    </section>
  );
}
