import type { Decision, Reason } from '@/lib/schema/decision';
import type { FeedItem } from '@/lib/schema/item';
import type { Profile } from '@/lib/schema/profile';
import type { Engine } from '@/lib/shield-runtime/engine';

/** A stand-in for the shield core behind the runtime's Engine seam: it decides by words in the title (given per
 * test), records what it was asked to compile and decide, and reranks by score, highest first. */
export function scriptedEngine(actionOf: (title: string, compiled: Compiled) => Decision['action'] = () => 'show') {
  const compiled: Array<{ profile: Profile; clickbait: unknown; detectors: unknown }> = [];
  const decided: string[] = [];
  const quoted: string[] = [];
  let refuse: ((clickbait: unknown, detectors: unknown) => boolean) | null = null;
  const engine: Engine = {
    compile(profile, clickbait, detectors) {
      if (refuse?.(clickbait, detectors)) throw new Error('refused');
      const c = { profile, clickbait, detectors: detectors ?? null };
      compiled.push(c);
      return c;
    },
    decide(c, item: FeedItem): Decision {
      decided.push(item.id);
      const action = actionOf(item.title, c as Compiled);
      const reasons: Reason[] = action === 'show' ? [] : [{ code: `rule:${action}`, detail: item.title, source: 'rule', evidence: [] }];
      return { platform: item.platform, itemId: item.id, action, reasons, score: action === 'boost' ? 0.9 : 0.5, uncertain: false };
    },
    quote(_c, item, reasons) {
      quoted.push(item.id);
      return reasons.map((r) => ({ ...r, evidence: ['quoted'] }));
    },
    rerank: (batch) => [...batch].sort((a, b) => b.score - a.score).map((b) => b.id),
  };
  return {
    engine,
    compiled,
    decided,
    quoted,
    /** From now on, compiling with these models throws (as the core does with a model it cannot use). */
    refuseWhen(f: (clickbait: unknown, detectors: unknown) => boolean) {
      refuse = f;
    },
  };
}

export type Compiled = { profile: Profile; clickbait: unknown; detectors: unknown };
