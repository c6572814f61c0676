import { collectMeetingReport, readMeta, renderCsvReport, renderMarkdownReport } from '@costudio/shared';
import type * as Y from 'yjs';
import { downloadText } from './downloadText.ts';
import { reportFileName } from './reportFileName.ts';

/**
 * The meeting report, made from the live board at the moment of the click by the shared report
 * functions (which escape note text for Markdown and neutralise formulas for spreadsheets).
 */
export function ReportDownload({ doc }: { doc: Y.Doc }) {
  const download = (format: 'md' | 'csv') => {
    const now = Date.now();
    const report = collectMeetingReport(doc, { now });
    const fileName = reportFileName(readMeta(doc).title, now, format);
    if (format === 'md') downloadText(fileName, renderMarkdownReport(report), 'text/markdown');
    else downloadText(fileName, renderCsvReport(report), 'text/csv');
  };
  return (
    <section className="report-download" aria-labelledby="report-heading">
      <h3 id="report-heading">Meeting report</h3>
      <p>
        The notes with their roles, the votes by role, how each group ranked the notes and who has taken part, to share
        afterwards.
      </p>
      <div className="report-download__buttons">
        <button type="button" onClick={() => download('md')}>
          Download report (Markdown)
        </button>
        <button type="button" onClick={() => download('csv')}>
          Download report (CSV, for spreadsheets)
        </button>
      </div>
    </section>
  );
}
