// A minimal reader of the text inside an .xlsx file (a zip of XML parts), so that browser
// tests can check what an exported workbook says without a spreadsheet library.
import fs from 'node:fs';
import zlib from 'node:zlib';

/** workbookText returns the text of every XML part of a workbook, tags removed, joined. */
export function workbookText(file: string): string {
  const buf = fs.readFileSync(file);
  // The end of central directory record: signature 0x06054b50, within the last 64 KiB.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const parts: string[] = [];
  for (let n = 0; n < entries; n++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataAt, dataAt + size);
    if (name.endsWith('.xml')) {
      const xml = method === 8 ? zlib.inflateRawSync(data).toString('utf8') : data.toString('utf8');
      parts.push(xml.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
    }
    at += 46 + nameLen + extraLen + commentLen;
  }
  return parts.join('\n');
}
