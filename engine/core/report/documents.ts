/**
 * The year-end documents as data (model.ts), from the ranking and the scored workbooks: the
 * cross-inspection minutes of each school, the cluster's report of scores and ranking, and the award
 * proposal. Pure: names, scores, classifications, discrepancies and awards all come from the inputs;
 * what only the lead knows (numbers of documents, dates, people, the superior body) is a marked blank.
 */
import type { CompiledSet } from '../compile';
import type { ColumnScore } from '../evaluate';
import type { Lang } from '../i18n';
import { formatPoints, exact } from '../points';
import type { Ranking, RankedUnit, RankSource } from '../rank/ranking';
import { REPORT_WORDS, ReportWords } from './labels';
import type { Block, DocFile, OfficialDoc, Run } from './model';

export interface ReportInput {
  ranking: Ranking;
  /** The scored inputs, with both columns and the inspectors' remarks (e.g. RankingCollector.inputs). */
  sources: RankSource[];
  lang: Lang;
  /** Only these units' minutes (default: every ranked unit). */
  units?: string[];
}

export interface YearEndDocuments {
  minutes: DocFile;
  summary: DocFile;
  proposal: DocFile;
  /** Units asked for (ReportInput.units) that the ranking does not have. */
  unknownUnits: string[];
}

const blank = (text = '........'): Run => ({ text, blank: true });
const plain = (text: string): Run => ({ text });

function classLabel(u: RankedUnit, lang: Lang): string | null {
  if (!u.classification) return null;
  return lang === 'en' ? (u.classification.labelEn ?? u.classification.label) : u.classification.label;
}

function common(w: ReportWords, r: Ranking, kind: keyof ReportWords['numberSuffix']) {
  const cluster = r.cluster?.trim() || w.cluster;
  return {
    cluster,
    nation: w.nation,
    number: [plain(w.number), blank('......'), plain(w.numberSuffix[kind])],
    placeDate: [blank('..............'), plain(w.date[0]), blank('....'), plain(w.date[1]), blank('....'), plain(w.date[2]), blank('........')],
    year: r.year ? String(r.year) : '',
    setTitle: r.criteriaSet?.title ?? '',
  };
}

const signerName = (w: ReportWords): Run[] => [blank(w.signer)];

function sectionRows(set: CompiledSet | null, self: ColumnScore | null, insp: ColumnScore | null, lang: Lang, w: ReportWords) {
  const fp = (x: number | null | undefined) => formatPoints(x ?? null, lang);
  const ids = (self ?? insp)?.sections.map((s) => s.id) ?? [];
  const rows: string[][] = ids.map((id) => {
    const s = self?.sections.find((x) => x.id === id) ?? null;
    const i = insp?.sections.find((x) => x.id === id) ?? null;
    const node = set?.byId.get(id);
    const any = s ?? i!;
    const delta = s && i ? exact(i.score - s.score) : null;
    return [node?.number ?? any.number, node?.text ?? any.text, any.max === null ? '' : fp(any.max), fp(s?.score), i ? fp(i.score) : '', delta === null ? '' : signed(delta, lang)];
  });
  const max = set ? set.maxBase + set.maxBonus : null;
  const dt = self && insp ? exact(insp.total - self.total) : null;
  rows.push(['', w.totalRow, max === null ? '' : fp(max), fp(self?.total), insp ? fp(insp.total) : '', dt === null ? '' : signed(dt, lang)]);
  return rows;
}

function signed(x: number, lang: Lang): string {
  return x > 0 ? `+${formatPoints(x, lang)}` : formatPoints(x, lang);
}

function minutesOf(u: RankedUnit, src: RankSource | undefined, r: Ranking, lang: Lang): OfficialDoc {
  const w = REPORT_WORDS[lang];
  const c = common(w, r, 'minutes');
  const set = src?.set ?? r.set;
  const self = src?.evaluation?.self ?? null;
  const insp = src?.evaluation?.inspected ?? null;
  const fp = (x: number | null | undefined) => formatPoints(x ?? null, lang);
  const open = w.minutesOpen(u.unit, c.cluster);
  const body: Block[] = [
    { kind: 'para', indent: true, align: 'justify', runs: [plain(open[0]), blank('....'), plain(open[1]), blank('....'), plain(open[2]), blank('........'), plain(open[3])] },
    { kind: 'heading', text: w.members },
    { kind: 'para', runs: [plain(w.team)] },
    { kind: 'para', indent: true, runs: [plain(w.teamLead), blank('..................................................')] },
    { kind: 'para', indent: true, runs: [plain(w.teamMember), blank('..................................................')] },
    { kind: 'para', runs: [plain(w.hostSide(u.unit))] },
    { kind: 'para', indent: true, runs: [plain(w.hostMember), blank('..................................................')] },
    { kind: 'heading', text: w.resultHead },
  ];
  const rows = sectionRows(set, self, insp, lang, w);
  body.push({ kind: 'table', head: w.sectionsHead, rows, widths: [8, 48, 11, 11, 11, 11], align: ['center', 'left', 'right', 'right', 'right', 'right'], boldRows: [rows.length - 1] });
  body.push({ kind: 'heading', text: w.changesHead });
  const changes: string[][] = [];
  if (set && self && insp)
    for (const leaf of set.leaves) {
      const a = self.nodes[leaf.id] ?? null;
      const b = insp.nodes[leaf.id] ?? null;
      if (a === b) continue;
      changes.push([leaf.fullNumber, leaf.text, fp(a), fp(b), src?.remarks?.[leaf.id]?.trim() || w.noRemark]);
    }
  if (changes.length) body.push({ kind: 'table', head: w.changesCols, rows: changes, widths: [9, 37, 10, 10, 34], align: ['center', 'left', 'right', 'right', 'left'] });
  else body.push({ kind: 'para', indent: true, runs: [plain(insp ? w.noChanges : w.onlySelf)] });
  body.push({ kind: 'heading', text: w.conclusionHead });
  body.push({ kind: 'para', indent: true, align: 'justify', runs: [plain(w.conclusion(fp(u.final), classLabel(u, lang), u.rank, r.units.length))] });
  if (!insp) body.push({ kind: 'para', indent: true, runs: [plain(w.onlySelf)] });
  body.push({ kind: 'para', indent: true, runs: [plain(w.copies[0]), blank('02'), plain(w.copies[1])] });
  return {
    agency: { parent: [plain(c.cluster.toUpperCase())], name: w.teamAgency },
    number: c.number,
    nation: c.nation,
    placeDate: c.placeDate,
    title: [w.minutesTitle, w.minutesAbout(u.unit, c.year)],
    body,
    recipients: { label: w.recipients, lines: w.recMinutes(u.unit).map((s) => [plain(s)]) },
    signatures: [
      { roles: w.signHost, hint: w.signHint, name: signerName(w) },
      { roles: w.signTeam, hint: w.signHint, name: signerName(w) },
    ],
  };
}

function summaryOf(r: Ranking, lang: Lang): OfficialDoc {
  const w = REPORT_WORDS[lang];
  const c = common(w, r, 'summary');
  const fp = (x: number | null | undefined) => formatPoints(x ?? null, lang);
  const body: Block[] = [{ kind: 'para', indent: true, align: 'justify', runs: [plain(w.summaryOpen(c.cluster, c.setTitle, r.units.length, r.refused))] }];
  body.push({ kind: 'heading', text: w.rankingHead });
  body.push({
    kind: 'table',
    head: w.rankingCols,
    rows: r.units.map((u) => [String(u.rank), u.unit, fp(u.self), u.inspected === null ? '' : fp(u.inspected), fp(u.final), classLabel(u, lang) ?? '']),
    widths: [10, 38, 12, 12, 13, 15],
    align: ['center', 'left', 'right', 'right', 'right', 'center'],
  });
  body.push({ kind: 'heading', text: w.classHead });
  const groups = new Map<string, string[]>();
  for (const u of r.units) {
    const k = classLabel(u, lang) ?? w.unclassified;
    groups.set(k, [...(groups.get(k) ?? []), u.unit]);
  }
  for (const [k, units] of groups) body.push({ kind: 'para', indent: true, runs: [plain(w.classLine(k, units.length, units.join(', ')))] });
  body.push({ kind: 'heading', text: w.discHead(fp(r.policy.tolerance)) });
  if (r.discrepancies.length)
    body.push({
      kind: 'table',
      head: w.discCols,
      rows: r.discrepancies.map((d) => [d.unit, d.number, fp(d.self), fp(d.inspected), signed(d.delta, lang), d.remark ?? '']),
      widths: [22, 9, 10, 10, 11, 38],
      align: ['left', 'center', 'right', 'right', 'right', 'left'],
    });
  else body.push({ kind: 'para', indent: true, runs: [plain(w.noDisc)] });
  if (r.totalMoves.length) {
    body.push({ kind: 'para', indent: true, runs: [plain(w.movesIntro(fp(r.policy.totalMoveThreshold)))] });
    for (const m of r.totalMoves) body.push({ kind: 'para', indent: true, runs: [plain(w.movesLine(m.unit, fp(m.self), fp(m.inspected), signed(m.delta, lang)))] });
  }
  body.push({ kind: 'heading', text: w.disqHead });
  const disq = disqualificationLines(r, lang);
  if (disq.length) for (const text of disq) body.push({ kind: 'para', indent: true, runs: [plain(text)] });
  else body.push({ kind: 'para', indent: true, runs: [plain(w.noDisq)] });
  body.push({ kind: 'heading', text: w.awardsHead });
  for (const a of r.awards) body.push({ kind: 'para', indent: true, runs: [plain(w.awardSummary(a.label[lang], a.units.join(', ') || w.nobody))] });
  return {
    agency: { parent: [blank(w.parentBlank)], name: c.cluster.toUpperCase() },
    number: c.number,
    nation: c.nation,
    placeDate: c.placeDate,
    title: [w.summaryTitle, w.summaryAbout(c.year)],
    body,
    recipients: { label: w.recipients, lines: w.recSummary.map((s) => [plain(s)]) },
    signatures: [{ roles: w.signCluster, hint: w.signHintSeal, name: signerName(w) }],
  };
}

/** One line per disqualification: unit, award, criterion (as numbered) and reason. */
function disqualificationLines(r: Ranking, lang: Lang): string[] {
  const w = REPORT_WORDS[lang];
  return r.units.flatMap((u) => u.disqualified.map((d) => w.disqLine(u.unit, d.awardLabel[lang], r.set?.byId.get(d.criterion)?.fullNumber ?? d.criterion, d.reason)));
}

function proposalOf(r: Ranking, lang: Lang): OfficialDoc {
  const w = REPORT_WORDS[lang];
  const c = common(w, r, 'proposal');
  const fp = (x: number | null | undefined) => formatPoints(x ?? null, lang);
  const byUnit = new Map(r.units.map((u) => [u.unit, u]));
  const body: Block[] = [{ kind: 'para', indent: true, align: 'justify', runs: [plain(w.proposalOpen(c.cluster, c.setTitle))] }];
  r.awards.forEach((a, i) => {
    body.push({ kind: 'heading', text: w.awardHead(i + 1, a.label[lang], a.units.length) });
    body.push({ kind: 'para', indent: true, align: 'justify', runs: [{ text: w.awardRule(a.quota, fp(a.minTotal), a.maxRank, w.rules[a.rule] ?? a.rule), italic: true }] });
    if (a.note) body.push({ kind: 'para', indent: true, runs: [{ text: a.note[lang], italic: true }] });
    if (a.units.length)
      body.push({
        kind: 'table',
        head: w.awardCols,
        rows: a.units.map((name, k) => {
          const u = byUnit.get(name);
          return [String(k + 1), name, fp(u?.final), u ? String(u.rank) : '', u ? (classLabel(u, lang) ?? '') : ''];
        }),
        widths: [8, 44, 16, 10, 22],
        align: ['center', 'left', 'right', 'center', 'center'],
      });
    else body.push({ kind: 'para', indent: true, runs: [plain(w.noneProposed)] });
    // How a tie at the line was decided (the ranking's own notes).
    for (const name of a.units) {
      const u = byUnit.get(name);
      if (u?.tie) for (const n of u.notes) body.push({ kind: 'para', indent: true, runs: [{ text: `${name}: ${n[lang]}`, italic: true }] });
    }
  });
  for (const text of disqualificationLines(r, lang)) body.push({ kind: 'para', indent: true, runs: [{ text, italic: true }] });
  body.push({ kind: 'para', indent: true, runs: [plain(w.proposalClose)] });
  return {
    agency: { parent: [blank(w.parentBlank)], name: c.cluster.toUpperCase() },
    number: c.number,
    nation: c.nation,
    placeDate: c.placeDate,
    title: [w.proposalTitle, w.proposalAbout(c.year)],
    addressee: [plain(w.to), blank(`${w.toBlank}..............................`)],
    body,
    recipients: { label: w.recipients, lines: w.recProposal.map((s) => [plain(s)]) },
    signatures: [{ roles: w.signCluster, hint: w.signHintSeal, name: signerName(w) }],
  };
}

export function yearEndDocuments(input: ReportInput): YearEndDocuments {
  const { ranking: r, lang } = input;
  const w = REPORT_WORDS[lang];
  const year = r.year ? `-${r.year}` : '';
  const want = input.units?.length ? input.units : null;
  const unknownUnits = want ? want.filter((n) => !r.units.some((u) => u.unit === n)) : [];
  const units = want ? r.units.filter((u) => want.includes(u.unit)) : r.units;
  const bySource = new Map(input.sources.map((s) => [s.file, s]));
  return {
    minutes: { name: `${w.files.minutes}${year}.docx`, title: w.minutesTitle, sections: units.map((u) => minutesOf(u, bySource.get(u.file), r, lang)) },
    summary: { name: `${w.files.summary}${year}.docx`, title: w.summaryAbout(r.year ? String(r.year) : ''), sections: [summaryOf(r, lang)] },
    proposal: { name: `${w.files.proposal}${year}.docx`, title: w.proposalAbout(r.year ? String(r.year) : ''), sections: [proposalOf(r, lang)] },
    unknownUnits,
  };
}
