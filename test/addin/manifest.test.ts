/**
 * The manifest against the Office add-in manifest XML schemas (offline, with xmllint-wasm), for the
 * development URLs and for a production build (ADDIN_URL).
 */
import { MIN_EXCEL_API } from '../../addin/office/adapter';
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { validateXML } from 'xmllint-wasm';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestFor, checkAddinUrl } = require('../../addin/build/manifest-url.js') as {
  manifestFor: (xml: string, url?: string) => string;
  checkAddinUrl: (url: string) => string;
};

const ROOT = path.resolve(__dirname, '../..');
const XSD_DIR = path.resolve(ROOT, 'vendor/office-manifest-xsd');
const MANIFEST = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

async function validate(xml: string) {
  const xsds = readdirSync(XSD_DIR)
    .filter((f) => f.endsWith('.xsd'))
    .map((f) => ({ fileName: f, contents: readFileSync(path.join(XSD_DIR, f), 'utf8') }));
  const root = xsds.find((x) => x.fileName === 'OfficeAppManifestV1_1.xsd')!;
  return validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [root],
    preload: xsds.filter((x) => x !== root),
  });
}

describe('manifest.xml', () => {
  beforeAll(() => {
    if (!existsSync(path.join(XSD_DIR, 'OfficeAppManifestV1_1.xsd')))
      throw new Error(`Office manifest schemas not found in ${XSD_DIR}: the manifest cannot be checked`);
  });

  test('is valid against the Office manifest schemas', async () => {
    const r = await validate(MANIFEST);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
  }, 30000);

  test('the schema check rejects a broken manifest (the check can fail)', async () => {
    const broken = MANIFEST.replace(/<Id>[^<]*<\/Id>/, '<Id>not-a-guid</Id>').replace('<Permissions>ReadWriteDocument</Permissions>', '');
    const r = await validate(broken);
    expect(r.valid).toBe(false);
    expect(r.errors.length).toBeGreaterThan(0);
  }, 30000);

  test('declares Excel, the Home tab button, vi-VN default with en-US overrides, ExcelApi 1.7 (the adapter minimum) and the icons', () => {
    expect(MANIFEST).toContain('<Host Name="Workbook"/>');
    expect(MANIFEST).toContain('<DefaultLocale>vi-VN</DefaultLocale>');
    expect(MANIFEST).toMatch(/<OfficeTab id="TabHome">/);
    expect(MANIFEST).toMatch(/<Action xsi:type="ShowTaskpane">/);
    // The manifest admits exactly what the adapter checks at run time (volume-licensed Office 2019 has 1.7).
    expect(MIN_EXCEL_API).toBe('1.7');
    expect(MANIFEST).toMatch(new RegExp(`<Set Name="ExcelApi" MinVersion="${MIN_EXCEL_API.replace('.', '\\.')}"/>`));
    expect(MANIFEST).toMatch(new RegExp(`<bt:Set Name="ExcelApi" MinVersion="${MIN_EXCEL_API.replace('.', '\\.')}"/>`));
    expect((MANIFEST.match(/<Override Locale="en-US"/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect((MANIFEST.match(/<bt:Override Locale="en-US"/g) ?? []).length).toBe(5);
    for (const m of MANIFEST.matchAll(/https:\/\/localhost:3000\/assets\/(icon-\d+\.png)/g))
      expect(existsSync(path.join(ROOT, 'assets', m[1]))).toBe(true);
    for (const page of ['taskpane.html', 'commands.html', 'help.html']) expect(MANIFEST).toContain(`https://localhost:3000/${page}`);
  });

  test('a production manifest (ADDIN_URL) has no localhost left and is still valid', async () => {
    const prod = manifestFor(MANIFEST, 'https://addin.example.org/thidua/');
    expect(prod).not.toContain('localhost');
    expect(prod).toContain('<SourceLocation DefaultValue="https://addin.example.org/thidua/taskpane.html"/>');
    expect(prod).toContain('<AppDomain>https://addin.example.org</AppDomain>');
    const r = await validate(prod);
    expect(r.errors).toEqual([]);
    expect(manifestFor(MANIFEST, undefined)).toBe(MANIFEST);
  }, 30000);

  test('refuses production URLs that Office would reject', () => {
    expect(() => checkAddinUrl('http://addin.example.org')).toThrow(/https/);
    expect(() => checkAddinUrl('not a url')).toThrow(/URL/);
    expect(() => checkAddinUrl('https://a.example.org/?x=1')).toThrow(/query/);
  });
});
