import data from './lexicon.json';
import { loadLexicon, type Lexicon } from './lexicon';

let shipped: Lexicon | undefined;

/** The lexicon shipped with the extension (about 0.75 MB); parsed on first use, then kept. */
export function defaultLexicon(): Lexicon {
  return (shipped ??= loadLexicon(data));
}
