/** What a topic being typed would catch (`topics/preview`): the wire format lives with the other messages;
 * lib/core/topic-preview.ts computes it. */

export interface TopicExample {
  title: string;
  platform: string;
  /** The words that make it about the topic, as a person reads them ("senate", "shutdown"). */
  matched: string[];
}

export interface TopicPreview {
  /** Readable related words the topic also stands for, strongest first (empty without the model). */
  related: string[];
  /** False when the model is missing or knows none of the label's words: only the literal words act. */
  known: boolean;
  /** A few of the recent items it would hide (avoid) or push up (interest), surest first. */
  examples: TopicExample[];
  /** How many of the recent items it catches in all, and how many were looked at. */
  matches: number;
  scanned: number;
}
