/** What an item's menu (the extension's frame, lib/core/item-menu.ts) can ask the tab that drew the item to do: the
 * feedback the tab records for the item (FeedbackType), or closing the menu; the only words the tab accepts from it.
 * No zod here: content scripts import it. */
export const MENU_COMMANDS = [
  'show-anyway', 'undo', 'hide-this', 'less-like-this', 'undo-less-like', 'block-author', 'exception-author', 'exception-rule', 'close',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const isMenuCommand = (c: unknown): c is MenuCommand => (MENU_COMMANDS as readonly unknown[]).includes(c);
