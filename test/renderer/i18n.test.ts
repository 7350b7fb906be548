import { describe, expect, it } from 'vitest';
import type { ApiErrorCode } from '../../shared/api';
import { errorSentence } from '../../renderer/app/errors';
import { queryProblemSentence } from '../../renderer/search/queryProblems';
import { describeQueryProblem, parseQuery } from '../../shared/query/parse';
import { CATALOGS, createTranslator, formatMessage, type Locale } from '../../renderer/i18n/i18n';
import { resolveLocale, resolveTheme } from '../../renderer/settings/appearance';

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('UI strings', () => {
  const [english, chinese] = [CATALOGS.en, CATALOGS['zh-CN']];

  it('has no empty strings', () => {
    for (const catalog of Object.values(CATALOGS))
      for (const [key, text] of Object.entries(catalog)) expect(text.trim(), key).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    // A month reads `2018-05` in English and `2018年5月` in Chinese: the caller passes both forms.
    const differing: Partial<Record<keyof typeof english, [string[], string[]]>> = {
      'calendar.month': [
        ['mm', 'year'],
        ['month', 'year'],
      ],
    };
    for (const key of Object.keys(english) as (keyof typeof english)[]) {
      const expected = differing[key];
      if (expected)
        expect([placeholders(english[key]), placeholders(chinese[key])], key).toEqual(expected);
      else expect(placeholders(chinese[key]), key).toEqual(placeholders(english[key]));
    }
  });

  it('is really translated: Chinese strings hold Chinese', () => {
    const same = Object.keys(english).filter(
      (key) => english[key as keyof typeof english] === chinese[key as keyof typeof chinese],
    );
    // Only names (of apps too), examples and bare values may stay as they are.
    expect(same.sort()).toEqual([
      'common.number',
      'common.percent',
      'export.formatJson',
      'export.formatPdf',
      'export.pathPlaceholder',
      'format.discord',
      'format.slack',
      'format.telegram',
      'format.whatsapp',
      'messages.reaction',
      'welcome.pathPlaceholder',
      'welcome.title',
    ]);
  });

  it('fills placeholders', () => {
    expect(formatMessage('{count} selected', { count: 3 })).toBe('3 selected');
    expect(formatMessage('{missing} stays', {})).toBe('{missing} stays');
    expect(createTranslator('zh-CN')('selection.count', { count: 3 })).toBe('已选 3 条');
  });

  it('has a sentence for every API error code in both languages', () => {
    const codes: ApiErrorCode[] = [
      'invalid-argument',
      'no-archive',
      'folder-unreadable',
      'not-found',
      'file-exists',
      'write-failed',
      'unsupported',
      'internal',
    ];
    for (const locale of ['en', 'zh-CN'] as Locale[]) {
      const sentences = codes.map((code) => errorSentence(code, createTranslator(locale)));
      expect(new Set(sentences).size).toBe(codes.length);
    }
  });
});

describe('query problems', () => {
  it('are said in the language of the UI, naming what was ignored', () => {
    const { problems } = parseQuery(
      'on:2018-13-01 during:x after:y before:z has:video from: -in:x "" "open',
    );
    expect(problems.map((problem) => problem.code).sort()).toEqual([
      'empty-quotes',
      'invalid-date',
      'invalid-date',
      'invalid-date',
      'invalid-date',
      'missing-value',
      'negated-operator',
      'unclosed-quote',
      'unknown-feature',
    ]);
    const chinese = problems.map((problem) =>
      queryProblemSentence(problem, createTranslator('zh-CN')),
    );
    const english = problems.map((problem) =>
      queryProblemSentence(problem, createTranslator('en')),
    );
    problems.forEach((problem, index) => {
      expect(chinese[index]).toMatch(/[\u4e00-\u9fff]/);
      expect(chinese[index]).toContain(problem.text);
      expect(english[index]).toContain(problem.text);
    });
    expect(new Set(chinese).size).toBe(problems.length);
    // The app's English says the same as the CLI's.
    expect(english[0]).toBe(describeQueryProblem(problems[0]!));
  });
});

describe('appearance', () => {
  it('follows the system unless a choice was made', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveLocale('system', ['zh-TW', 'en'])).toBe('zh-CN');
    expect(resolveLocale('system', ['en-GB'])).toBe('en');
    expect(resolveLocale('system', ['fr-FR', 'zh-CN'])).toBe('zh-CN');
    expect(resolveLocale('system', ['fr-FR'])).toBe('en');
    expect(resolveLocale('en', ['zh-CN'])).toBe('en');
  });
});
