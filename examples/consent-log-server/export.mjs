// Exports as streams: CSV (RFC 4180) or a JSON array, produced one batch of rows at a time from
// the store's keyset pages, so any number of records leaves in constant memory, with backpressure
// from the client, and inserts are served between batches.
import { Readable } from 'node:stream';
import { V2_FIELDS } from './schema.mjs';
import { rowToRecord } from './store.mjs';

/** CSV columns: the record's fields in the order the SDK sends them, `receivedAt` after `time`. */
export const CSV_COLUMNS = ['recordId', 'schemaVersion', 'consentId', 'time', 'receivedAt', 'revision', 'method', 'categories', 'services', 'language', 'sdkVersion', 'pageUrl', ...V2_FIELDS];

/** One CSV cell (RFC 4180 quoting), with a leading `'` before `= + - @` so spreadsheets show, not run, it. */
function csvCell(value) {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record as a CSV line (with its CRLF); schema 2's cells empty for schema 1 records. */
const csvLine = (record) => `${CSV_COLUMNS.map((column) => csvCell(record[column])).join(',')}\r\n`;

/** The records as CSV, one row per record, categories and services as JSON. */
export const toCsv = (records) => CSV_COLUMNS.join(',') + '\r\n' + records.map(csvLine).join('');

/**
 * The export of `store`'s records within `filters` as a readable stream of text, `format` `csv`
 * or `json`. A stream pulls the next batch only when the client has taken the last one.
 * @example reply.type('text/csv').send(exportStream(store, 'csv', { from: '2026-01-01' }))
 */
export function exportStream(store, format, filters = {}) {
  async function* lines() {
    let first = true;
    yield format === 'csv' ? `${CSV_COLUMNS.join(',')}\r\n` : '[';
    for await (const rows of store.rows(filters)) {
      // CSV cells of categories and services are the stored JSON text: no parse, no stringify.
      if (format === 'csv') yield rows.map((row) => csvLine({ ...rowToRecord(row, false), categories: row.categories, services: row.services })).join('');
      else {
        yield (first ? '' : ',') + rows.map((row) => JSON.stringify(rowToRecord(row))).join(',');
        first = false;
      }
    }
    if (format === 'json') yield ']';
  }
  return Readable.from(lines(), { objectMode: false });
}
