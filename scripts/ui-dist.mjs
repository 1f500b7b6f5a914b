// The last step of scripts/build-ui.sh, on the staged dist directory (argument 1):
//
// 1. index.html's loading-screen texts: `{{en:ui-boot-loading}}` placeholders are
//    filled from locales/<lang>/ui.ftl (single-line messages; HTML-escaped).
// 2. Fingerprints: the wasm, the JS glue, boot.js, locale.js, style.css and the font
//    are renamed `name.<16 hex of SHA-256>.ext`, and the files that name them are
//    rewritten first (style.css → font, boot.js → glue and wasm, index.html → the rest),
//    so every fingerprinted file can be cached for a year (`nps serve` marks them
//    immutable); index.html itself is revalidated with its ETag.
// 3. Precompression: every text or wasm file over 1 KiB gets a brotli (quality 11) and
//    a gzip (level 9) twin, `x.br` / `x.gz`, which `nps serve` sends when the browser
//    accepts them.
//
// Prints one line per fingerprinted file with its sizes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = process.argv[2];
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
if (!dist) {
  console.error('usage: node scripts/ui-dist.mjs DIST');
  process.exit(2);
}

const FINGERPRINT_HEX_DIGITS = 16;
const COMPRESS_MIN_BYTES = 1024;
const COMPRESSIBLE = /\.(wasm|js|css|html|svg|txt)$/;

const at = (rel) => path.join(dist, rel);
const read = (rel) => fs.readFileSync(at(rel), 'utf8');
const write = (rel, text) => fs.writeFileSync(at(rel), text);

// ---- 1. texts ------------------------------------------------------------------
function messages(lang) {
  const text = fs.readFileSync(path.join(root, 'locales', lang, 'ui.ftl'), 'utf8');
  const found = new Map();
  for (const line of text.split('\n')) {
    const m = /^(ui-[a-z0-9-]+) = (.+)$/.exec(line);
    if (m) found.set(m[1], m[2]);
  }
  return found;
}
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const texts = { en: messages('en'), fa: messages('fa') };
write('index.html', read('index.html').replace(/\{\{(en|fa):(ui-[a-z0-9-]+)\}\}/g, (_, lang, id) => {
  const value = texts[lang].get(id);
  if (value === undefined) {
    console.error(`ui-dist: ${id} is missing from locales/${lang}/ui.ftl`);
    process.exit(1);
  }
  return escapeHtml(value);
}));

// ---- 2. fingerprints -----------------------------------------------------------
function fingerprint(rel) {
  const bytes = fs.readFileSync(at(rel));
  const hash = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, FINGERPRINT_HEX_DIGITS);
  const ext = path.extname(rel);
  const renamed = `${rel.slice(0, -ext.length)}.${hash}${ext}`;
  fs.renameSync(at(rel), at(renamed));
  return renamed;
}
/** Replaces every reference to `from` in file `rel` (quoted, or after a `/`) by `to`. */
function rewrite(rel, from, to) {
  const text = read(rel);
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const next = text.replace(new RegExp(`(["'/])${escaped}(["')])`, 'g'), `$1${to}$2`);
  if (next === text) {
    console.error(`ui-dist: ${rel} does not name ${from}`);
    process.exit(1);
  }
  write(rel, next);
}

const font = fingerprint('fonts/Vazirmatn-wght.woff2');
rewrite('style.css', 'fonts/Vazirmatn-wght.woff2', font);
const wasm = fingerprint('nps-ui_bg.wasm');
const glue = fingerprint('nps-ui.js');
rewrite('boot.js', 'nps-ui_bg.wasm', wasm);
rewrite('boot.js', 'nps-ui.js', glue);
const boot = fingerprint('boot.js');
const locale = fingerprint('locale.js');
const style = fingerprint('style.css');
for (const [from, to] of [['nps-ui_bg.wasm', wasm], ['boot.js', boot], ['locale.js', locale], ['style.css', style]]) {
  rewrite('index.html', from, to);
}

// ---- 3. precompression -----------------------------------------------------------
function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}
for (const file of walk(dist)) {
  if (!COMPRESSIBLE.test(file)) continue;
  const bytes = fs.readFileSync(file);
  if (bytes.length < COMPRESS_MIN_BYTES) continue;
  const br = zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  const gz = zlib.gzipSync(bytes, { level: 9 });
  fs.writeFileSync(`${file}.br`, br);
  fs.writeFileSync(`${file}.gz`, gz);
  console.log(`${path.relative(dist, file)}: ${bytes.length} bytes, brotli ${br.length}, gzip ${gz.length}`);
}
