/**
 * Diagnostics grouped by reason, so that 300 files with the same small problem do not bury the
 * one file with another: a reason is the sentence with its particulars (numbers, quoted text,
 * what is in parentheses) left out.
 */
import type { Diagnostic } from './model';
import { compareStrings } from './archive/compare';

export interface DiagnosticGroup {
  /** The sentence with its particulars replaced by "…". */
  reason: string;
  /** Every diagnostic of this reason, in path order. */
  diagnostics: Diagnostic[];
}

function reasonOf(message: string): string {
  return message
    .replace(/"[^"]*"|“[^”]*”|«[^»]*»/g, '"…"')
    .replace(/\([^()]*\)/g, '(…)')
    .replace(/\d[\d,.]*/g, 'N');
}

/** Groups by reason: the rarest reasons first, then by the sentence. */
export function groupDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticGroup[] {
  const groups = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const reason = reasonOf(diagnostic.message);
    const list = groups.get(reason);
    if (list) list.push(diagnostic);
    else groups.set(reason, [diagnostic]);
  }
  return [...groups]
    .map(([reason, list]) => ({ reason, diagnostics: list }))
    .sort(
      (a, b) => a.diagnostics.length - b.diagnostics.length || compareStrings(a.reason, b.reason),
    );
}
