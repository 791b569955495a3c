/**
 * Builds the Excel add-in into dist/: taskpane.html/js/css, commands.html, help.html, assets/ and the
 * manifest. The engine (criteria, scoring, mathjs, exceljs writer) is bundled for the browser.
 *
 *   npm run build                                   production build, manifest URLs https://localhost:3000
 *   ADDIN_URL=https://host/path npm run build       production build whose dist/manifest.xml points at ADDIN_URL
 *   npm run dev-server                              https://localhost:3000 with office-addin-dev-certs
 *
 * Office.js is not bundled: Microsoft requires it to be loaded from its CDN (<script> in the HTML).
 *
 * Webviews (docs/addin.md): every script is lowered to ES2017 for EdgeHTML (addin/build/esbuild-loader.js,
 * dependencies included); boot.js, the page's first script, is plain ES5 and copied as is: on Trident it
 * shows what the user needs, elsewhere it loads polyfills.js (core-js) only when built-ins are missing.
 * test/browser/bundle.test.ts parses dist/ to check both, and flags ES2018 regular expressions built at run
 * time. The pane itself (app.ts, the engine, mathjs) is a chunk loaded after the tabs are painted.
 * Production builds carry no source maps.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const MinimizerPlugin = require('minimizer-webpack-plugin');
const { manifestFor, checkAddinUrl } = require('./addin/build/manifest-url');

/** Chunks minified by terser rather than esbuild (see optimization.minimizer). */
const TERSER_CHUNKS = /^(docx|sheetjs)\.[0-9a-f]+\.js$/;

const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

async function httpsOptions() {
  // Loaded only for the dev server: creates and trusts the localhost certificate on first use.
  const devCerts = require('office-addin-dev-certs');
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const dev = mode === 'development';
  const addinUrl = process.env.ADDIN_URL ? checkAddinUrl(process.env.ADDIN_URL) : undefined;

  return {
    mode,
    devtool: dev ? 'eval-source-map' : false,
    target: ['web', 'es2017'],
    context: __dirname,
    entry: {
      taskpane: './addin/taskpane/index.ts',
      commands: './addin/commands/commands.ts',
      polyfills: './addin/taskpane/polyfills.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
      alias: {
        // exceljs's package entry is its Node build; its browser build is self-contained.
        exceljs$: path.resolve(__dirname, 'node_modules/exceljs/dist/exceljs.min.js'),
      },
      // Node-only modules some dependencies mention but never need in the pane.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, zlib: false, buffer: false, util: false, url: false },
    },
    module: {
      rules: [
        // TypeScript (types are checked once by `npm run typecheck`) and every dependency, lowered to ES2017.
        { test: /\.[cm]?[jt]s$/, exclude: /node_modules[\\/]core-js[\\/]/, use: path.resolve(__dirname, 'addin/build/esbuild-loader.js') },
        // The bundled default criteria set travels as text and is loaded with the engine's own loader.
        { test: /\.ya?ml$/, type: 'asset/source' },
      ],
      // exceljs.min.js is already a bundle: do not parse it again.
      noParse: /exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './addin/taskpane/taskpane.html',
        chunks: ['taskpane'],
        excludeChunks: ['polyfills'],
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './addin/commands/commands.html',
        chunks: ['commands'],
        excludeChunks: ['polyfills'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'addin/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'addin/help.html', to: 'help.html' },
          { from: 'addin/taskpane/boot.js', to: 'boot.js' }, // plain ES5, never transformed
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => manifestFor(content.toString('utf8'), addinUrl),
          },
        ],
      }),
    ],
    optimization: {
      // esbuild minifies, to the loader's ES2017 (boot.js to ES5), in a quarter of terser's time. terser still
      // minifies the docx and SheetJS chunks: its dead-code removal drops their unused parts (a third of
      // SheetJS; docx's patch detector, whose lookbehind RegExp EdgeHTML rejects), which esbuild keeps.
      minimizer: [
        new MinimizerPlugin({ test: TERSER_CHUNKS }),
        new MinimizerPlugin({ exclude: [TERSER_CHUNKS, /^boot\.js$/], minify: MinimizerPlugin.esbuildMinify, minimizerOptions: { target: 'es2017', charset: 'utf8' } }),
        new MinimizerPlugin({ test: /^boot\.js$/, minify: MinimizerPlugin.esbuildMinify, minimizerOptions: { target: 'es5', charset: 'utf8' } }),
      ],
      splitChunks: {
        cacheGroups: {
          // exceljs's browser build, only needed to insert the template file: its own lazily loaded chunk.
          exceljs: { test: /[\\/]exceljs[\\/]dist[\\/]/, name: 'exceljs', chunks: 'async', enforce: true },
          // The two libraries terser minifies (above), each in its own lazily loaded chunk, as they were.
          docx: { test: /[\\/]node_modules[\\/]docx[\\/]/, name: 'docx', chunks: 'async', enforce: true },
          sheetjs: { test: /[\\/]node_modules[\\/]@e965[\\/]xlsx[\\/]/, name: 'sheetjs', chunks: 'async', enforce: true },
        },
      },
    },
    performance: {
      // The engine (mathjs, ajv, yaml) is big; exceljs is split into its own lazily loaded chunk.
      maxEntrypointSize: 2_500_000,
      maxAssetSize: 2_500_000,
    },
    devServer: env.WEBPACK_SERVE
      ? {
          port: DEV_PORT,
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: { type: 'https', options: await httpsOptions() },
          static: false,
          hot: false,
        }
      : undefined,
  };
};
