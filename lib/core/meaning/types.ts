/**
 * What Parapet understands of text, learned from real feed text (scripts/train-meaning.ts) and shipped as
 * public/models/meaning.bin. The background holds the whole model; a tab receives only TopicExpansion data.
 */

/** One word or two-word phrase, folded as meaningTerms() folds it, with its share (0..1) of the evidence an item
 * needs to be about the topic. */
export interface TopicTerm {
  term: string;
  weight: number;
  /** How the term is written for people, when it differs from the folded form ("stories" for "storie"). */
  shown?: string;
}

/** A topic the user typed ("politics", "home cooking"), expanded into the words and phrases that are about it. */
export interface TopicExpansion {
  label: string;
  /** Strongest first; the compact form a tab receives and scores items with. */
  terms: TopicTerm[];
  /** A few readable related words for the user to check ("senate", "congress", ...), strongest first. */
  related: string[];
  /** The summed weight an item needs to be about this topic at default strictness. */
  threshold: number;
  /** False when the model knows none of the label's words: only the literal keywords then act. */
  known: boolean;
}

/** What an item's text says about one topic: summed weight (capped at 1) and the terms that gave it. */
export interface TopicScore {
  score: number;
  evidence: string[];
}
