import type { Decision, Reason } from '../schema/decision';
import type { MenuCommand } from '../schema/menu-command';
import { mainReason, readableRule } from './reason-words';

/**
 * The per-item menu drawn in the extension's frame (entrypoints/why): what a person can do with one item, each
 * entry saying what it acts on. An exception (everything from a channel, a rule switched off on a site) says its
 * scope and asks before it is made; "Show this item" and "Hide this" act on that one item and say so.
 */


export interface Confirmation {
  question: string;
  detail: string;
  yes: string;
}

export interface MenuEntry {
  command: MenuCommand;
  label: string;
  /** Asked before the command is sent: an exception's scope. */
  confirm?: Confirmation;
  /** Said once the command is sent, with Undo when `undo` is set. */
  done?: { text: string; undo?: MenuCommand };
}

export interface MenuInput {
  decision: Decision;
  author: string;
  /** The item is hidden behind a stub now. */
  hidden: boolean;
  /** The site's name as people say it ("Hacker News"). */
  site: string;
}

const KIND_WORDS: Record<string, string> = {
  clickbait: 'clickbait',
  rage: 'rage bait',
  engagement: 'engagement bait',
  urgency: 'false urgency',
  promotion: 'undisclosed promotion',
};

/** What switching off the reason behind an item would let through, and where; null when there is no rule to allow. */
export function ruleScope(reason: Reason | undefined, site: string): { label: string; confirm: Confirmation } | null {
  if (!reason) return null;
  const ask = (label: string, question: string, detail: string, yes: string) => ({ label: `${label}…`, confirm: { question, detail, yes } });
  const undo = 'You can take it back in the dashboard, under Exceptions.';
  if (reason.kind === 'promoted') return ask(`Show all ads on ${site}`, `Show all ads on ${site}?`, `Parapet will stop hiding ads and promoted posts on ${site}. ${undo}`, 'Show all ads');
  if (reason.kind === 'shorts') return ask(`Show all Shorts on ${site}`, `Show all Shorts on ${site}?`, `Parapet will stop hiding Shorts on ${site}. ${undo}`, 'Show all Shorts');
  const kind = reason.kind ? KIND_WORDS[reason.kind] : undefined;
  if (kind) return ask(`Stop marking ${kind} on ${site}`, `Stop marking ${kind} on ${site}?`, `No item on ${site} will be labelled, pushed down or hidden as ${kind}. ${undo}`, 'Stop marking it');
  if (reason.code === 'avoid-topic') {
    return ask(`Show “${reason.detail}” on ${site}`, `Show items about “${reason.detail}” on ${site}?`, `Your topic to avoid stays, but stops hiding items on ${site}. ${undo}`, 'Show them');
  }
  if (reason.code === 'keyword-rule' || reason.code === 'regex-rule') {
    const words = readableRule(reason.detail, reason.code === 'regex-rule' ? 'regex' : 'keyword');
    return ask(`Turn off your rule ${words} on ${site}`, `Turn off your rule ${words} on ${site}?`, `Items it matches on ${site} will show as the site made them. ${undo}`, 'Turn it off');
  }
  return null;
}

/** The entries of one item's menu, in the order they are drawn. */
export function itemMenu({ decision, author, hidden, site }: MenuInput): MenuEntry[] {
  const reason = mainReason(decision);
  const code = reason?.code;
  const entries: MenuEntry[] = [];
  if (hidden) entries.push({ command: code === 'user-hidden' ? 'undo' : 'show-anyway', label: 'Show this item (only this one)' });
  else entries.push({ command: 'hide-this', label: 'Hide this item' });
  if (author && !hidden) {
    entries.push(
      code === 'less-like'
        ? { command: 'undo-less-like', label: `Show as before (undo “fewer like this”)`, done: { text: `Items like this from ${author} show as before.` } }
        : { command: 'less-like-this', label: 'Less like this', done: { text: `Fewer like this from ${author}.`, undo: 'undo-less-like' } },
    );
  }
  if (author && code !== 'blocked-author') entries.push({ command: 'block-author', label: `Block ${author}`, done: { text: `${author} is blocked on ${site}.` } });
  if (author) {
    entries.push({
      command: 'exception-author',
      label: `Always show from ${author}…`,
      confirm: {
        question: `Always show everything from ${author} on ${site}?`,
        detail: `Parapet will not hide, label or push down anything from ${author} on ${site}, ads and blocked topics included.`,
        yes: 'Always show',
      },
    });
  }
  // A hand hide and "fewer like this" are the person's own doing, undone above: no rule to allow.
  const scope = code === 'user-hidden' || code === 'less-like' || code === 'blocked-author' || decision.action === 'show' || decision.action === 'boost' ? null : ruleScope(reason, site);
  if (scope) entries.push({ command: 'exception-rule', label: scope.label, confirm: scope.confirm });
  return entries;
}
