/**
 * What the search box did not understand, in the user's language. The switch is exhaustive: a
 * new problem code in shared/query/parse.ts fails the typecheck here until it has a sentence.
 */
import type { QueryProblem } from '../../shared/query/parse';
import type { Translate } from '../i18n/i18n';

function missingCase(problem: never): never {
  throw new Error(`No sentence for query problem ${JSON.stringify(problem)}`);
}

export function queryProblemSentence(problem: QueryProblem, t: Translate): string {
  const text = problem.text;
  switch (problem.code) {
    case 'unclosed-quote':
      return t('query.unclosedQuote', { text });
    case 'empty-quotes':
      return t('query.emptyQuotes', { text });
    case 'negated-operator':
      return t('query.negatedOperator', { text });
    case 'missing-value':
      return t('query.missingValue', { text });
    case 'unknown-feature':
      return t('query.unknownFeature', { text, features: problem.features.join(', ') });
    case 'invalid-date': {
      const operator = problem.operator;
      if (operator === 'on') return t('query.invalidDay', { text });
      if (operator === 'during') return t('query.invalidPeriod', { text });
      return t('query.invalidDate', { text, operator });
    }
    default:
      return missingCase(problem);
  }
}
