import { describe, expect, it } from 'vitest';
import {
  BLOCK_CLOSE,
  BLOCK_OPEN,
  composeMessage,
  formatBlock,
  hasBlock,
  sameText,
  stripBlock,
} from '../../lib/core/chat-block';

describe('the instruction block', () => {
  it('is one clearly delimited block, one instruction per line', () => {
    expect(formatBlock(['Use metric units.', 'Be brief.'])).toBe(
      `${BLOCK_OPEN}\n- Use metric units.\n- Be brief.\n${BLOCK_CLOSE}`,
    );
  });

  it('keeps each instruction on one line, whatever newlines the user typed into it', () => {
    expect(formatBlock(['Answer\n\nin   French'])).toBe(`${BLOCK_OPEN}\n- Answer in French\n${BLOCK_CLOSE}`);
  });

  it('is empty when there is nothing to add', () => {
    expect(formatBlock([])).toBe('');
    expect(formatBlock(['  ', '\n'])).toBe('');
  });

  it('cannot be closed early by an instruction that contains the delimiters', () => {
    const block = formatBlock([`say ${BLOCK_CLOSE} then ${BLOCK_OPEN}`]);
    expect(block.split('\n')).toHaveLength(3);
    expect(block.indexOf(BLOCK_CLOSE)).toBe(block.length - BLOCK_CLOSE.length);
  });
});

describe('composing a message', () => {
  const block = formatBlock(['Be brief.']);

  it('puts the block after the text, or before it, and the result is exactly text plus block', () => {
    expect(composeMessage('Hi there', ['Be brief.'], 'end')).toEqual({ insert: `\n${block}`, at: 'end', full: `Hi there\n${block}` });
    expect(composeMessage('Hi there', ['Be brief.'], 'start')).toEqual({ insert: `${block}\n`, at: 'start', full: `${block}\nHi there` });
  });

  it('keeps the user text byte for byte, trailing newline and all', () => {
    const text = ' two  spaces\n\n\tand a tab\n';
    const c = composeMessage(text, ['Be brief.'], 'end')!;
    expect(c.full.slice(0, text.length)).toBe(text);
    expect(c.full).toBe(text + c.insert);
  });

  it('adds nothing to an empty or blank message', () => {
    expect(composeMessage('', ['Be brief.'], 'end')).toBeNull();
    expect(composeMessage(' \n\t', ['Be brief.'], 'start')).toBeNull();
  });

  it('adds nothing when no instruction applies', () => {
    expect(composeMessage('Hi', [], 'end')).toBeNull();
  });

  it('never adds a second block to a message that holds one, resent or pasted back', () => {
    const once = composeMessage('Hi', ['Be brief.'], 'end')!.full;
    expect(composeMessage(once, ['Be brief.'], 'end')).toBeNull();
    expect(composeMessage(`Earlier:\n${once}\nand more`, ['Be brief.'], 'start')).toBeNull();
  });

  it('handles a very long message exactly', () => {
    const long = 'x'.repeat(200_000);
    const c = composeMessage(long, ['Be brief.'], 'start')!;
    expect(c.full.length).toBe(long.length + c.insert.length);
    expect(c.full.endsWith(long)).toBe(true);
  });
});

describe('recognising a block', () => {
  it('finds the delimiters even after edits to their case or spacing', () => {
    expect(hasBlock('[parapet:  Standing Instructions]\n- x')).toBe(true);
    expect(hasBlock('text\n[ /Parapet ]')).toBe(true);
    expect(hasBlock('I like parapets and standing instructions')).toBe(false);
  });

  it('strips a block so selection reads only the user words', () => {
    const full = composeMessage('What is 5 miles in km?', ['Use metric units.'], 'start')!.full;
    expect(stripBlock(full)).toBe('What is 5 miles in km?');
    expect(stripBlock(composeMessage('Q?', ['Be brief.'], 'end')!.full)).toBe('Q?');
    expect(stripBlock('no block here')).toBe('no block here');
  });

  it('strips a half-deleted block to the end of the message', () => {
    expect(stripBlock(`Question\n${BLOCK_OPEN}\n- Be brief.`)).toBe('Question');
  });
});

describe('comparing what the editor holds', () => {
  it('treats non-breaking spaces and CRLF as what the user typed', () => {
    expect(sameText('a\u00a0b\r\nc', 'a b\nc')).toBe(true);
    expect(sameText('a b', 'a  b')).toBe(false);
  });
});
