import type { Exception, HiddenItem, LessLike, Profile } from '@/lib/schema/profile';

/** The Exceptions view's edits, pure: removing and putting back one exception, one "less like this" or one
 * hand-hidden item. */
export const removeException = (p: Profile, id: string): Profile => ({ ...p, exceptions: p.exceptions.filter((e) => e.id !== id) });

export const restoreException = (p: Profile, e: Exception): Profile =>
  p.exceptions.some((x) => x.id === e.id) ? p : { ...p, exceptions: [...p.exceptions, e] };

const sameItem = (a: HiddenItem, b: HiddenItem) => a.platform === b.platform && a.itemId === b.itemId;

export const unhideItem = (p: Profile, h: HiddenItem): Profile => ({ ...p, hiddenItems: p.hiddenItems.filter((x) => !sameItem(x, h)) });

export const rehideItem = (p: Profile, h: HiddenItem): Profile => (p.hiddenItems.some((x) => sameItem(x, h)) ? p : { ...p, hiddenItems: [...p.hiddenItems, h] });

export const removeLessLike = (p: Profile, id: string): Profile => ({ ...p, lessLike: p.lessLike.filter((l) => l.id !== id) });

export const restoreLessLike = (p: Profile, l: LessLike): Profile => (p.lessLike.some((x) => x.id === l.id) ? p : { ...p, lessLike: [...p.lessLike, l] });
