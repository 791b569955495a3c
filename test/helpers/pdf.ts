/**
 * Reading a PDF back with poppler-utils (pdfinfo, pdftotext): per page its size, its text and every
 * word's box, to assert page count, orientation, and which text is on which page at what size.
 * Install with: apt-get install -y poppler-utils.
 */
import { spawnSync } from 'child_process';
import { xmlUnescape } from './xml-text';

export const HAVE_POPPLER = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;

export interface PdfPage {
  width: number;
  height: number;
  text: string;
  /** Each word with its box height and top-left corner (points from the page's top-left). */
  words: Array<{ text: string; height: number; x: number; y: number }>;
}

const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  return r.stdout;
};


export function readPdf(file: string): PdfPage[] {
  const n = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1]);
  const sizes = [...run('pdfinfo', ['-f', '1', '-l', String(n), file]).matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  const bbox = run('pdftotext', ['-bbox', file, '-']);
  const pages = [...bbox.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map((m) =>
    [...m[1].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      text: xmlUnescape(w[4]),
      height: Number(w[3]) - Number(w[2]),
      x: Number(w[1]),
      y: Number(w[2]),
    })),
  );
  return pages.map((words, i) => ({
    width: sizes[i][0],
    height: sizes[i][1],
    text: run('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-']),
    words,
  }));
}
