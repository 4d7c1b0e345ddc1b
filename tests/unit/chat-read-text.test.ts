// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { edgePoint, readEditable } from '../../lib/chat/read-text';
import { editorKind } from '../../lib/chat/drivers';

function editor(html: string, attrs = 'contenteditable="true"'): HTMLElement {
  document.body.innerHTML = `<div id="e" ${attrs}>${html}</div>`;
  return document.getElementById('e')!;
}

describe('reading what a chat editor holds', () => {
  it('reads ProseMirror paragraphs as lines, empty ones included, without the trailing-break placeholder', () => {
    const el = editor('<p>one</p><p><br class="ProseMirror-trailingBreak"></p><p>three</p>');
    expect(readEditable(el, '\n')).toBe('one\n\nthree');
  });

  it('reads Lexical line breaks inside a paragraph, and its extra <br> after a final break', () => {
    expect(readEditable(editor('<p><span>a</span><br><span>b</span></p>'), '\n\n')).toBe('a\nb');
    expect(readEditable(editor('<p><span>a</span><br><br></p>'), '\n\n')).toBe('a\n');
    expect(readEditable(editor('<p><br></p>'), '\n\n')).toBe('');
  });

  it('keeps the spaces the user typed', () => {
    expect(readEditable(editor('<p>  two  spaces </p>'), '\n')).toBe('  two  spaces ');
  });

  it('places the caret at the start of the first line and after a final line break', () => {
    const el = editor('<p><span>first</span></p><p><span>last</span><br><br></p>');
    const start = edgePoint(el, 'start');
    expect(start.node.nodeValue).toBe('first');
    expect(start.offset).toBe(0);
    const end = edgePoint(el, 'end');
    expect(end.node).toBe(el.lastElementChild);
    expect(end.offset).toBe(2);
    const plain = edgePoint(editor('<p>only</p>'), 'end');
    expect([plain.node.nodeValue, plain.offset]).toEqual(['only', 4]);
  });
});

describe('recognising an editor', () => {
  it('knows the four editors and the textarea, and nothing else', () => {
    expect(editorKind(editor('', 'contenteditable="true" class="ProseMirror"'))).toBe('prosemirror');
    expect(editorKind(editor('', 'contenteditable="true" class="ql-editor"'))).toBe('quill');
    expect(editorKind(editor('', 'contenteditable="true" data-lexical-editor="true"'))).toBe('lexical');
    document.body.innerHTML = '<textarea></textarea>';
    expect(editorKind(document.querySelector('textarea')!)).toBe('textarea');
    expect(editorKind(editor(''))).toBeNull();
    expect(editorKind(editor('', 'class="ProseMirror"'))).toBeNull();
  });
});
