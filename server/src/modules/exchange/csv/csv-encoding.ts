import chardet from 'chardet';
import iconv from 'iconv-lite';

/**
 * The bytes of a CSV file as text (issue 10, defect 5). Dutch Excel saves "CSV (gescheiden door
 * lijstscheidingsteken)" in Windows-1252, "Unicode-tekst" in UTF-16 LE with a BOM, and "CSV UTF-8"
 * with a BOM; other tools write UTF-8 without one. We read all of these and say which it was; what
 * none of them explains is refused with a clear message rather than stored garbled.
 */
export type CsvEncoding = 'UTF-8' | 'UTF-8 met BOM' | 'Windows-1252' | 'UTF-16 LE' | 'UTF-16 BE';

export type Decoded = { text: string; encoding: CsvEncoding } | { problem: string };

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** UTF-16 without a BOM: nearly every other byte is zero (ASCII text), on the even or the odd places. */
function utf16WithoutBom(bytes: Uint8Array): 'UTF-16 LE' | 'UTF-16 BE' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4000);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.1) return 'UTF-16 LE';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.1) return 'UTF-16 BE';
  return null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** NUL or a replacement character: not a text file in the encoding we chose. (Other control characters are refused per cell by the entity rules.) */
const BINARY = /[\u0000\uFFFD]/;

export function decodeCsv(bytes: Uint8Array): Decoded {
  let decoded: { text: string; encoding: CsvEncoding };
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) {
    const text = strictUtf8(bytes.subarray(3));
    if (text === null) return { problem: 'het bestand begint als UTF-8 (met BOM) maar bevat bytes die geen UTF-8 zijn; sla het opnieuw op als "CSV UTF-8"' };
    decoded = { text, encoding: 'UTF-8 met BOM' };
  } else if (startsWith(bytes, 0xff, 0xfe)) {
    decoded = { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'UTF-16 LE' };
  } else if (startsWith(bytes, 0xfe, 0xff)) {
    decoded = { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'UTF-16 BE' };
  } else {
    const utf16 = utf16WithoutBom(bytes);
    const utf8 = utf16 ? null : strictUtf8(bytes);
    if (utf16) decoded = { text: iconv.decode(Buffer.from(bytes), utf16 === 'UTF-16 LE' ? 'utf-16le' : 'utf-16be'), encoding: utf16 };
    else if (utf8 !== null) decoded = { text: utf8, encoding: 'UTF-8' };
    else {
      // Not UTF-8: a Dutch spreadsheet's own code page, if the bytes look like one.
      const guess = (chardet.detect(bytes) ?? '').toUpperCase();
      if (!/^(WINDOWS-1252|ISO-8859-1|ISO-8859-15|ISO-8859-2|WINDOWS-1250)$/.test(guess)) {
        return { problem: `kan de tekenset van het bestand niet herkennen${guess ? ` (lijkt ${guess})` : ''}; sla het op als "CSV UTF-8" en probeer opnieuw` };
      }
      decoded = { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'Windows-1252' };
    }
  }
  const bad = BINARY.exec(decoded.text);
  if (bad) {
    return {
      problem: `het bestand is als ${decoded.encoding} gelezen maar bevat dan onleesbare tekens (U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}); is het wel een CSV-bestand? Sla het op als "CSV UTF-8"`,
    };
  }
  return { ...decoded, text: decoded.text.replace(/^\uFEFF/, '') };
}
