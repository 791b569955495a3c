/** The three year-end documents as .docx bytes (names and content from engine/core/report). */
import { ReportInput, yearEndDocuments } from '../../core/report/documents';
import { writeDocx } from './write-docx';

export interface YearEndFile {
  kind: 'minutes' | 'summary' | 'proposal';
  name: string;
  bytes: Uint8Array;
}

export async function yearEndDocx(input: ReportInput): Promise<{ files: YearEndFile[]; unknownUnits: string[] }> {
  const docs = yearEndDocuments(input);
  const files: YearEndFile[] = [];
  for (const kind of ['minutes', 'summary', 'proposal'] as const) {
    const d = docs[kind];
    if (!d.sections.length) continue;
    files.push({ kind, name: d.name, bytes: await writeDocx(d) });
  }
  return { files, unknownUnits: docs.unknownUnits };
}
