import { describe, expect, it } from 'vitest';
import { LoggedDecision } from '@/lib/schema/log';
import { cleanReasons } from '@/lib/shield-runtime/reporter';
import { compileProfile, decide } from '@/lib/core/shield';
import { defaultProfile } from '@/lib/schema/profile';

// The Activity log opens a reason in full; a reason cut when it is stored could not be.
describe('a reason is stored whole', () => {
  const rule = `judged by Qwen2.5 0.5B: ${'nothing that is only a reaction to another video, '.repeat(9)}`.trim();

  it('a tab sends and the log keeps a 500-character reason as it is', () => {
    const [sent] = cleanReasons([{ code: 'natural-rule', detail: rule, source: 'model', evidence: [] }]);
    expect(sent.detail).toBe(rule);
    const row = LoggedDecision.parse({ ts: 1, platform: 'youtube', itemId: 'a', title: 't', author: '', url: '', surface: 'home', action: 'hide', reasons: [sent], score: 0 });
    expect(row.reasons[0].detail).toBe(rule);
  });

  it('the fast tier names a long pattern rule whole', () => {
    const pattern = `\\b(${Array.from({ length: 40 }, (_, i) => `word${i}`).join('|')})\\b`;
    const c = compileProfile({ ...defaultProfile(1), rules: [{ id: 'r', kind: 'regex', pattern, action: 'hide', platforms: [], enabled: true }] });
    const d = decide(c, { platform: 'reddit', id: '1', url: '', title: 'about word39 today', author: 'a', kind: 'post', promoted: false, promotedMarkers: [], text: '', surface: 'home', domain: '' });
    expect(d.reasons[0].detail).toBe(pattern);
  });
});
