/**
 * Front matter through gray-matter, with YAML as the only language. gray-matter can evaluate
 * JavaScript and CoffeeScript front matter (`---js`); an archive is untrusted, so every language
 * but YAML is refused before gray-matter sees it, and its engines are replaced as well.
 * YAML is read with js-yaml's core schema: no custom types, dates stay strings (floating
 * wall-clock values), and aliases are limited so that an alias bomb cannot exhaust memory.
 */
import type matterType from 'gray-matter';
import type { FrontMatterResult } from '../../shared/readers/reader';
import { errorMessage } from '../../shared/errors';

/** Front matter larger than this is not parsed: real front matter is a few hundred bytes. */
const MAX_FRONT_MATTER = 64 * 1024;
const MAX_ALIASES = 100;

function refuse(language: string) {
  return () => {
    throw new Error(`front matter in ${language} is not read, only YAML`);
  };
}

// Loaded on first use: a command that reads no Markdown file (a search of an unchanged
// archive) never pays for gray-matter and js-yaml.
let matter: typeof matterType | null = null;
let yaml: typeof import('js-yaml') | null = null;

const engines = {
  yaml: (text: string) =>
    yaml!.load(text, { schema: yaml!.CORE_SCHEMA, maxAliases: MAX_ALIASES }) as object,
  javascript: refuse('JavaScript'),
  js: refuse('JavaScript'),
  coffee: refuse('CoffeeScript'),
  coffeescript: refuse('CoffeeScript'),
  cson: refuse('CSON'),
  json: refuse('JSON'),
  toml: refuse('TOML'),
};

export function readFrontMatter(block: string, language: string): FrontMatterResult {
  const name = language.toLowerCase();
  if (name !== '' && name !== 'yaml' && name !== 'yml') {
    return {
      ok: false,
      error: `it is written in "${language.slice(0, 40)}"; only YAML front matter is read`,
    };
  }
  if (block.length > MAX_FRONT_MATTER) {
    return {
      ok: false,
      error: `it is ${Math.round(block.length / 1024)} KB long, more than front matter ever is`,
    };
  }
  // The real archive's front matter separates keys from values with tabs (`tag:\t\t[chat]`),
  // which strict YAML refuses: read it with the tabs as spaces first, then as written.
  const attempts = block.includes('\t') ? [block.replaceAll('\t', '  '), block] : [block];
  let data: unknown;
  let failure: unknown = null;
  for (const attempt of attempts) {
    try {
      data = parseYaml(attempt);
      failure = null;
      break;
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure !== null) return { ok: false, error: describeYamlError(failure) };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, error: 'it is not a list of "key: value" lines' };
  }
  return { ok: true, data: data as Record<string, unknown> };
}

function parseYaml(block: string): unknown {
  /* eslint-disable @typescript-eslint/no-require-imports */
  yaml ??= require('js-yaml') as typeof import('js-yaml');
  matter ??= require('gray-matter') as typeof matterType;
  /* eslint-enable @typescript-eslint/no-require-imports */
  // Options are always passed: without them gray-matter caches every file's text forever.
  return matter(block, { language: 'yaml', engines }).data;
}

function describeYamlError(error: unknown): string {
  if (error instanceof RangeError) return 'it is nested too deeply';
  const message = errorMessage(error);
  // js-yaml messages carry a code excerpt after the first line; the first line says enough.
  return message.split('\n')[0]!.slice(0, 200);
}
