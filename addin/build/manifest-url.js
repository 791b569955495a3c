/**
 * Production manifests: every development URL (https://localhost:3000) is replaced by the URL the add-in
 * is served from. Used by webpack.config.js (ADDIN_URL=https://host/path npm run build) and by the tests.
 */
const DEV_URL = 'https://localhost:3000';

/** Normalise and check a production URL: https only, no trailing slash, no query or fragment. */
function checkAddinUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`ADDIN_URL is not a URL / ADDIN_URL không phải địa chỉ URL: ${url}`);
  }
  if (u.protocol !== 'https:') throw new Error(`ADDIN_URL must use https / ADDIN_URL phải dùng https: ${url}`);
  if (u.search || u.hash) throw new Error(`ADDIN_URL must not have ?query or #fragment / không được có ?query hoặc #: ${url}`);
  return u.href.replace(/\/+$/, '').replace(/&/g, '&amp;');
}

/** The manifest text with the development URL replaced; the AppDomain becomes the origin. */
function manifestFor(xml, addinUrl) {
  if (!addinUrl) return xml;
  const base = checkAddinUrl(addinUrl);
  const origin = new URL(base).origin;
  return xml
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .split(DEV_URL)
    .join(base);
}

module.exports = { DEV_URL, manifestFor, checkAddinUrl };
