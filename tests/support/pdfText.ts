/**
 * Test support: the text of a PDF as Chromium (Skia) writes it, without a PDF library: Flate
 * streams inflated, Type0 fonts with Identity-H encoding decoded through their ToUnicode CMaps,
 * text shown with Tj / TJ. Enough to check that a printed report says what it should; not a
 * general PDF reader (no object streams, no simple fonts, no layout).
 */
import zlib from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  const text = pdf.toString('latin1');
  const objectPattern = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let match = objectPattern.exec(text); match; match = objectPattern.exec(text)) {
    const body = match[2]!;
    const streamAt = body.indexOf('stream');
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    // The data starts after "stream" and its end of line; its length is in the dictionary.
    let start = match.index + match[0].indexOf(body) + streamAt + 'stream'.length;
    if (text[start] === '\r') start++;
    if (text[start] === '\n') start++;
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    let data = pdf.subarray(start, start + length);
    if (dict.includes('/FlateDecode')) data = zlib.inflateSync(data);
    objects.set(Number(match[1]), { dict, stream: data });
  }
  return objects;
}

/** Character code (hex) → text, from a ToUnicode CMap. */
function readCMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, dest] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(code!.toUpperCase(), utf16(dest!));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const ranges = block[1]!.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g,
    );
    for (const [, from, to, dest] of ranges) {
      const first = parseInt(from!, 16);
      const width = from!.length;
      const targets = dest!.startsWith('[')
        ? [...dest!.matchAll(/<([0-9A-Fa-f]+)>/g)].map((m) => m[1]!)
        : null;
      for (let code = first; code <= parseInt(to!, 16); code++) {
        const key = code.toString(16).toUpperCase().padStart(width, '0');
        if (targets) map.set(key, utf16(targets[code - first] ?? ''));
        else {
          const base = parseInt(dest!.slice(1, -1), 16) + (code - first);
          map.set(key, String.fromCodePoint(base));
        }
      }
    }
  }
  return map;
}

/** Every text run of every page, in content-stream order, joined by spaces. */
export function pdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const cmapOfFont = new Map<number, Map<string, string>>();
  for (const [num, obj] of objects) {
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(obj.dict)?.[1];
    const cmap = toUnicode ? objects.get(Number(toUnicode))?.stream : null;
    if (cmap) cmapOfFont.set(num, readCMap(cmap.toString('latin1')));
  }
  const fontByName = new Map<string, number>();
  const contentIds: number[] = [];
  for (const obj of objects.values()) {
    for (const fonts of obj.dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
      for (const [, name, ref] of fonts[1]!.matchAll(/\/(\S+?)\s+(\d+) 0 R/g)) {
        fontByName.set(name!, Number(ref));
      }
    }
    if (/\/Type\s*\/Page\b/.test(obj.dict)) {
      const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(obj.dict)?.[1] ?? '';
      contentIds.push(...[...contents.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1])));
    }
  }
  const runs: string[] = [];
  for (const id of contentIds) {
    const content = objects.get(id)?.stream?.toString('latin1') ?? '';
    let cmap = new Map<string, string>();
    const ops = /\/(\S+)\s+[\d.]+\s+Tf|(\[[^\]]*\])\s*TJ|<([0-9A-Fa-f]*)>\s*Tj/g;
    for (const [, font, array, single] of content.matchAll(ops)) {
      if (font) {
        cmap = cmapOfFont.get(fontByName.get(font) ?? -1) ?? new Map();
        continue;
      }
      const hexes =
        single !== undefined
          ? [single]
          : [...array!.matchAll(/<([0-9A-Fa-f]*)>/g)].map((m) => m[1]!);
      runs.push(
        hexes
          .map((hex) =>
            (hex.toUpperCase().match(/.{4}/g) ?? []).map((code) => cmap.get(code) ?? '').join(''),
          )
          .join(''),
      );
    }
  }
  return runs.join('');
}
