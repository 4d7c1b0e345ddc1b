import { hasNestedRepetition } from '../core/shield/regex-nesting';
import { regexRisk } from '../core/shield/regex-risk';

/**
 * The regex rules that could freeze a page, each named with its place and pattern, e.g.
 * `profile.rules[2].pattern "(a|aa)+$" could freeze the page on some text: ...`. Refused when the person saves or
 * imports a profile; a stored one from before is never sent to a tab (below), and reading the profile
 * never fails because of it.
 */
export function riskyRules(rules: readonly { kind: string; pattern: string }[], prefix = 'profile.rules'): string[] {
  const refused: string[] = [];
  rules.forEach((rule, i) => {
    const why = rule.kind === 'regex' ? regexRisk(rule.pattern) : null;
    if (why) refused.push(`${prefix}[${i}].pattern ${JSON.stringify(rule.pattern)} ${why}`);
  });
  return refused;
}

/** The profile as a tab gets it: without the regex rules refused above (one stored before Parapet checked them),
 * which a tab must never run, nor any that repeats a repeated group (regex-nesting.ts), which tabs have never run
 * either. The dashboard keeps them, to show why and let the person fix them. */
export function withRunnableRules<P extends { rules: readonly { kind: string; pattern: string }[] }>(profile: P): P {
  const rules = profile.rules.filter((r) => r.kind !== 'regex' || !(regexRisk(r.pattern) || hasNestedRepetition(r.pattern)));
  return rules.length === profile.rules.length ? profile : { ...profile, rules };
}
