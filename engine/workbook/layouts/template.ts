/**
 * The project's own generated template (thidua template): recognised by its hidden sheet, which carries
 * the criteria set and its hash. Reading is done by the pure reader in core/template/read.ts, shared with
 * the add-in; this plugin only adapts it to the layout interface.
 */
import { findEmbeddedGrid, readTemplate } from '../../core/template/read';
import { registerLayout } from './index';
import type { LayoutInput, LayoutReadResult, WorkbookLayout } from './types';

export const templateLayout: WorkbookLayout = {
  name: 'template',
  detect(input: LayoutInput): number {
    // Its own marks: more certain than any guessed layout.
    return findEmbeddedGrid(input.grids) ? 100 : 0;
  },
  read(input: LayoutInput): LayoutReadResult {
    const r = readTemplate(input.grids, { file: input.file, criteria: input.criteria });
    return { set: r.set, submission: r.submission, figures: r.figures, problems: r.problems, meta: r.meta, cellOf: r.cellOf };
  },
};

registerLayout(templateLayout);
