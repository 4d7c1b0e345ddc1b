import { z } from 'zod';
import { MANIPULATION_KINDS, type ManipulationKind } from '../schema/profile';

/** What the model must answer, enforced during decoding (WebLLM's json_object + schema) and checked again
 * here: grammar-constrained decoding keeps the shape, not the meaning, and the Prompt API may not enforce it. */
export const ModelItemVerdict = z.object({
  id: z.string(),
  relevance: z.number(),
  kinds: z.array(z.enum(MANIPULATION_KINDS)),
  rule: z.string(),
  reason: z.string(),
});
export const ModelOutput = z.object({ items: z.array(ModelItemVerdict) });
export type ModelOutput = z.infer<typeof ModelOutput>;

export const MODEL_OUTPUT_JSON_SCHEMA: string = JSON.stringify(z.toJSONSchema(ModelOutput));

/** A verdict after validation: numbers clamped, unknown kinds dropped, text cut. */
export interface ParsedVerdict {
  relevance: number;
  kinds: ManipulationKind[];
  /** The batch-local id of a natural-language rule the item breaks ("r1"), or null. */
  rule: string | null;
  reason: string;
}

export interface ParsedOutput {
  /** False when the text is not JSON of the right outer shape at all. */
  ok: boolean;
  /** By batch-local item id; only ids the batch contained. */
  verdicts: Map<string, ParsedVerdict>;
  /** Entries dropped: unknown or repeated ids, unusable fields. */
  dropped: number;
}

const KINDS = new Set<string>(MANIPULATION_KINDS);
export const REASON_MAX = 160;

/** Strips what models wrap JSON in (code fences, a sentence before it) and finds the outer object. */
export function extractJson(text: string): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined;
  }
}

function clean(s: string, max: number): string {
  // Control characters and markup never reach a label; the UI escapes anyway.
  return s.replace(/[\u0000-\u001f\u007f<>]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max);
}

/** Parses the model's answer for one batch. `batchIds` are the ids the prompt used; `ruleIds` the rule ids it
 * offered. Anything else the model mentions is ignored, so an item cannot speak for another. */
export function parseModelOutput(text: string, batchIds: readonly string[], ruleIds: readonly string[]): ParsedOutput {
  const verdicts = new Map<string, ParsedVerdict>();
  const raw = extractJson(text) as { items?: unknown } | undefined;
  if (!raw || typeof raw !== 'object' || !Array.isArray(raw.items)) return { ok: false, verdicts, dropped: 0 };
  const wanted = new Set(batchIds);
  const rules = new Set(ruleIds);
  let dropped = 0;
  for (const entry of raw.items as unknown[]) {
    const e = entry as Record<string, unknown> | null;
    const id = typeof e?.id === 'string' ? e.id.trim() : '';
    const relevance = typeof e?.relevance === 'number' ? e.relevance : typeof e?.relevance === 'string' ? Number(e.relevance) : NaN;
    if (!wanted.has(id) || verdicts.has(id) || !Number.isFinite(relevance)) {
      dropped++;
      continue;
    }
    const kinds = Array.isArray(e!.kinds)
      ? [...new Set((e!.kinds as unknown[]).filter((k): k is ManipulationKind => typeof k === 'string' && KINDS.has(k)))]
      : [];
    const rule = typeof e!.rule === 'string' && rules.has(e!.rule.trim()) ? e!.rule.trim() : null;
    verdicts.set(id, {
      relevance: Math.min(1, Math.max(0, relevance)),
      kinds,
      rule,
      reason: typeof e!.reason === 'string' ? clean(e!.reason, REASON_MAX) : '',
    });
  }
  return { ok: true, verdicts, dropped };
}
