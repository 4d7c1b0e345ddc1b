import type { ChatSite } from '../schema/common';

/** Where each chat site keeps its composer. Data, not code: when a site changes, this is the file to edit.
 * Every list is tried in order; the first match wins. Prefer ids and data-testid over classes and labels. */
export interface ChatSiteConfig {
  site: ChatSite;
  hosts: readonly string[];
  editor: readonly string[];
  send: readonly string[];
}

export const CHAT_SITE_CONFIGS: readonly ChatSiteConfig[] = [
  {
    site: 'chatgpt',
    hosts: ['chatgpt.com', 'chat.openai.com'],
    editor: ['#prompt-textarea'],
    send: ['button[data-testid="send-button"]', '#composer-submit-button'],
  },
  {
    site: 'claude',
    hosts: ['claude.ai'],
    editor: ['[data-testid="chat-input"]', 'fieldset .ProseMirror[contenteditable="true"]'],
    // Claude's label changed case once already ("Send Message" to "Send message").
    send: ['button[aria-label="Send message"]', 'button[aria-label="Send Message"]', 'button[aria-label="send message" i]'],
  },
  {
    site: 'gemini',
    hosts: ['gemini.google.com'],
    editor: ['rich-textarea .ql-editor[contenteditable]'],
    send: ['button.send-button'],
  },
  {
    site: 'perplexity',
    hosts: ['www.perplexity.ai', 'perplexity.ai'],
    editor: ['#ask-input', '[data-lexical-editor="true"][contenteditable="true"]'],
    send: ['button[data-testid="submit-button"]'],
  },
];

/** The match patterns the content script runs on, derived from the hosts above. */
export const CHAT_MATCHES: string[] = CHAT_SITE_CONFIGS.flatMap((c) => c.hosts.map((h) => `https://${h}/*`));

export function siteForHost(hostname: string): ChatSiteConfig | undefined {
  return CHAT_SITE_CONFIGS.find((c) => c.hosts.includes(hostname));
}

export function firstMatch<E extends Element = HTMLElement>(root: ParentNode, selectors: readonly string[]): E | null {
  for (const s of selectors) {
    const el = root.querySelector<E & Element>(s);
    if (el) return el as E;
  }
  return null;
}
