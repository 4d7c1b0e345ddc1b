// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CHAT_SITES } from '../../lib/schema/common';
import { CHAT_MATCHES, CHAT_SITE_CONFIGS, siteForHost } from '../../lib/chat/sites';

describe('chat site configs', () => {
  it('cover every chat site once', () => {
    expect(CHAT_SITE_CONFIGS.map((c) => c.site).sort()).toEqual([...CHAT_SITES].sort());
  });

  it('hold selectors the browser can parse', () => {
    for (const c of CHAT_SITE_CONFIGS) {
      for (const s of [...c.editor, ...c.send]) expect(() => document.querySelector(s), `${c.site}: ${s}`).not.toThrow();
      expect(c.editor.length).toBeGreaterThan(0);
      expect(c.send.length).toBeGreaterThan(0);
    }
  });

  it('match the real hosts and nothing else', () => {
    expect(siteForHost('chatgpt.com')?.site).toBe('chatgpt');
    expect(siteForHost('claude.ai')?.site).toBe('claude');
    expect(siteForHost('gemini.google.com')?.site).toBe('gemini');
    expect(siteForHost('www.perplexity.ai')?.site).toBe('perplexity');
    expect(siteForHost('evil-chatgpt.com')).toBeUndefined();
    expect(CHAT_MATCHES).toContain('https://chatgpt.com/*');
    expect(CHAT_MATCHES.every((m) => /^https:\/\/[a-z.]+\/\*$/.test(m))).toBe(true);
  });

  it('find the composer and send button on the markup each site uses', () => {
    const markup: Record<string, string> = {
      chatgpt: '<form><div contenteditable="true" class="ProseMirror" id="prompt-textarea"><p>x</p></div><button data-testid="send-button"></button></form>',
      claude: '<fieldset><div contenteditable="true" class="tiptap ProseMirror" data-testid="chat-input"><p>x</p></div><button aria-label="Send Message"></button></fieldset>',
      gemini: '<rich-textarea><div class="ql-editor" contenteditable="true"><p>x</p></div></rich-textarea><button class="send-button"></button>',
      perplexity: '<div id="ask-input" contenteditable="true" data-lexical-editor="true"><p>x</p></div><button data-testid="submit-button"></button>',
    };
    for (const c of CHAT_SITE_CONFIGS) {
      document.body.innerHTML = markup[c.site];
      expect(c.editor.some((s) => document.querySelector(s)), c.site).toBe(true);
      expect(c.send.some((s) => document.querySelector(s)), c.site).toBe(true);
    }
  });
});
