/**
 * The browser tests' simulated Excel (test/browser/sim/office-sim.ts) loaded in Node, one fresh workbook
 * per call, so that the adapter's replacement steps can be failed one by one quickly, without Chromium.
 */
export interface SimCell { value: string | number | boolean | null; formula?: string; numberFormat?: string }
export interface SimConfig {
  api: number;
  displayLanguage?: string;
  sheets: Array<{ name: string; cells: Array<[string, SimCell]>; visibility?: 'Visible' | 'Hidden' | 'VeryHidden' }>;
  names?: Array<[string, { sheet: string; address: string }]>;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
export function loadSim(config: SimConfig): { sim: any; Excel: any; Office: any } {
  const g = globalThis as any;
  g.window = g;
  g.__simConfig = config;
  let out: { sim: any; Excel: any; Office: any } | undefined;
  jest.isolateModules(() => {
    require('../browser/sim/office-sim');
    out = { sim: g.__sim, Excel: g.Excel, Office: g.Office };
  });
  return out!;
}
