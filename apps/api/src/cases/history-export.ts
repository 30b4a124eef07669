import {
  Injectable,
  StreamableFile,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import PDFDocument from 'pdfkit';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { HistoryExportFormat } from './cases.dto';
import { swedishTime, type HistoryDetail } from './history-details';

/** A detail once the disclosure step has opened (or withheld) it: text only. */
type OpenedDetail = Omit<HistoryDetail, 'value'> & { readonly value: string };

/** One entry of an opened history export, as it reaches the renderer. */
export interface ExportedEntry {
  readonly revision: number;
  readonly occurredAt: string;
  readonly label: string;
  readonly actor: {
    readonly name: string | null;
    readonly id: string | null;
    readonly roleLabel: string | null;
  };
  readonly process: {
    readonly title: string;
    readonly stepBefore: string | null;
    readonly stepAfter: string | null;
  } | null;
  readonly details: readonly OpenedDetail[];
}

/** The export as the route answers it in JSON; the other formats are drawn from it after disclosure. */
export interface ExportedHistory {
  readonly caseId: string;
  readonly reference: string;
  readonly exportedAt: string;
  readonly exportedBy: string;
  /** The filters applied, in words ("Process: AFU"), or none for the whole history. */
  readonly filters: readonly string[];
  readonly entries: readonly ExportedEntry[];
}

const who = (entry: ExportedEntry) => entry.actor.name ?? entry.actor.id ?? 'Systemet';
const steps = (entry: ExportedEntry) =>
  entry.process ? `${entry.process.stepBefore ?? '–'} → ${entry.process.stepAfter ?? '–'}` : '';
/** The standard fonts have no arrow; the extract says it in words. */
function stepsInWords({ stepBefore, stepAfter }: NonNullable<ExportedEntry['process']>): string {
  if (stepBefore && stepAfter) return `från ${stepBefore} till ${stepAfter}`;
  if (stepAfter) return `till ${stepAfter}`;
  return stepBefore ? `från ${stepBefore}, avslutad` : '';
}
const detailsText = (entry: ExportedEntry) =>
  entry.details.map((detail) => `${detail.label}: ${detail.value}`).join(' · ');

const CSV_COLUMNS = ['Nr', 'När', 'Vem', 'Roll', 'Process', 'Vad', 'Steg före → efter', 'Uppgifter'];

/** Semicolon separated with a byte-order mark, as Swedish spreadsheets open it. */
export function historyCsv(history: ExportedHistory): string {
  return stringify(
    history.entries.map((entry) => [
      entry.revision + 1,
      swedishTime(entry.occurredAt),
      who(entry),
      entry.actor.roleLabel ?? '',
      entry.process?.title ?? '',
      entry.label,
      steps(entry),
      detailsText(entry),
    ]),
    { bom: true, delimiter: ';', header: true, columns: CSV_COLUMNS },
  );
}

const MARGIN = 50;

/**
 * An A4 extract for utlämnande and tillsyn: which case, who exported it and
 * when, the filters, then every entry in order with its answers, and a page
 * number on each page. The standard fonts cover Swedish letters.
 */
export function historyPdf(history: ExportedHistory): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `Historik för ärende ${history.reference}`, Author: 'Ärendemotorn' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(16).text(`Historik för ärende ${history.reference}`);
  doc.moveDown(0.3).font('Helvetica').fontSize(9);
  doc.text(`Utdrag ${swedishTime(history.exportedAt)} av ${history.exportedBy}.`);
  doc.text(
    'Historiken kan inte ändras i efterhand: varje rad är ett steg som någon tog, eller systemet vid en tidsgräns.',
  );
  doc.text(history.filters.length ? `Urval: ${history.filters.join(', ')}.` : 'Urval: hela historiken.');
  doc.text(`${history.entries.length} händelser.`);
  for (const entry of history.entries) {
    doc.moveDown(0.8);
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(`${entry.revision + 1}. ${entry.label}`);
    doc.font('Helvetica').fontSize(9);
    const role = entry.actor.roleLabel ? `, ${entry.actor.roleLabel}` : '';
    doc.text(`${swedishTime(entry.occurredAt)} · ${who(entry)}${role}`);
    if (entry.process) doc.text(`${entry.process.title}: ${stepsInWords(entry.process)}`);
    for (const detail of entry.details) doc.text(`${detail.label}: ${detail.value}`, { indent: 12 });
  }
  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    // Writing inside the bottom margin would start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .text(`Sida ${i + 1} av ${pages.count}`, MARGIN, doc.page.height - bottom / 2, { align: 'center' });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

const FILE_TYPES: Record<Exclude<HistoryExportFormat, 'json'>, string> = {
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

/**
 * Turns the opened export into the format asked for. It sits outside the
 * disclosure step, so it only ever draws what that step logged and opened.
 */
@Injectable()
export class HistoryExportRenderer implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const format = (context.switchToHttp().getRequest<{ query: { format?: HistoryExportFormat } }>().query
      .format ?? 'json') as HistoryExportFormat;
    return from(
      (async () => {
        const history = (await lastValueFrom(next.handle())) as ExportedHistory;
        if (format === 'json') return history;
        const body = format === 'csv' ? Buffer.from(historyCsv(history)) : await historyPdf(history);
        const day = history.exportedAt.slice(0, 10);
        return new StreamableFile(body, {
          type: FILE_TYPES[format],
          disposition: `attachment; filename="historik-${day}.${format}"`,
          length: body.length,
        });
      })(),
    );
  }
}
