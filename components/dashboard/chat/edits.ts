import { z } from 'zod';
import { plainText, type ChatSite } from '@/lib/schema/common';
import type { Instruction, InstructionScope, Profile } from '@/lib/schema/profile';

/** Pure edits of the profile's instruction list for the Chat view. Each returns a new profile. */

const text = plainText(2000).transform((s) => s.trim()).pipe(z.string().min(1, { message: 'must not be empty' }));

/** The text as the profile will keep it, or why it cannot be kept. */
export function checkInstructionText(value: string): { ok: true; value: string } | { ok: false; error: string } {
  const parsed = text.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: `The instruction ${parsed.error.issues[0]?.message ?? 'is not valid'}` };
}

export function updateInstruction(p: Profile, id: string, patch: Partial<Omit<Instruction, 'id'>>): Profile {
  return { ...p, instructions: p.instructions.map((i) => (i.id === id ? { ...i, ...patch } : i)) };
}

/** Moves one instruction up (-1) or down (+1); the order is the order they are added to a message in. */
export function moveInstruction(p: Profile, id: string, by: -1 | 1): Profile {
  const from = p.instructions.findIndex((i) => i.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= p.instructions.length) return p;
  const list = [...p.instructions];
  [list[from], list[to]] = [list[to], list[from]];
  return { ...p, instructions: list };
}

export function removeInstruction(p: Profile, id: string): Profile {
  return { ...p, instructions: p.instructions.filter((i) => i.id !== id) };
}

/** Puts a deleted instruction back where it was (undo). */
export function restoreInstruction(p: Profile, instruction: Instruction, index: number): Profile {
  if (p.instructions.some((i) => i.id === instruction.id)) return p;
  const list = [...p.instructions];
  list.splice(Math.min(index, list.length), 0, instruction);
  return { ...p, instructions: list };
}

export function toggleSite(i: Instruction, site: ChatSite): ChatSite[] {
  return i.sites.includes(site) ? i.sites.filter((s) => s !== site) : [...i.sites, site];
}

export function scopeWithTopics(topics: string[]): InstructionScope {
  return topics.length ? { type: 'topics', topics } : { type: 'auto' };
}
