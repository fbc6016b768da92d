import { decodeText } from '../imports/text-encoding.ts';

/**
 * A CSV file chosen in the browser, as text: UTF-8, or Windows-1252 (what Excel on Windows saves as
 * "CSV") when its bytes are not UTF-8 — `file.text()` would turn every accent into "�".
 */
export async function readCsvFile(file: File) {
  return decodeText(new Uint8Array(await file.arrayBuffer()));
}
