// Part of `npm run build:node`: leaves the Node bundles in dist/ pure ASCII. esbuild escapes
// strings but keeps the characters of regular expressions (the readers' `，。！？`, 年月日,
// Cyrillic chat titles) and comments. One such character makes V8 hold the whole source as
// two-byte text and the compile cache hash twice the bytes: a one-shot search started 5 ms later.
// `\uXXXX` means the same in a regular expression (with or without the u flag, surrogate pairs
// included) and nothing in a comment; strings and templates hold none by then.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

for (const folder of [dist, join(dist, 'commands'), join(dist, 'service', 'store')]) {
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.js')) continue;
    const path = join(folder, name);
    const code = readFileSync(path, 'utf8');
    // A backslash before such a character (an identity escape) would escape the escape: refused.
    if (/\\[^\x00-\x7f]/.test(code))
      throw new Error(`${path}: a backslash before a non-ASCII character; write it as \\uXXXX`);
    // Each UTF-16 unit on its own: an astral character becomes its surrogate pair.
    const ascii = code.replace(
      /[^\x00-\x7f]/g,
      (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    if (ascii !== code) writeFileSync(path, ascii);
  }
}
