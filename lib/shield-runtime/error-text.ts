/** What went wrong, in words, for a health report, a failure's detail or a "not judged" note. */
export const errorText = (e: unknown): string => String((e as Error)?.message ?? e);
