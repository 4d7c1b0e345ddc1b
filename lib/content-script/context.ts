import { browser } from 'wxt/browser';

/**
 * Parapet's own lifetime for a content script, put in place of WXT's ContentScriptContext by wxt.config.ts.
 *
 * WXT's context stops its script when the document receives "<extension id>:<script>:wxt:content-script-started"
 * from another copy, and posts that name to the page first: any page script could send the event and switch
 * Parapet off (issue 25). Here the event only prompts a question the browser answers: this copy stops when its
 * extension context is gone (runtime.id unset: the extension was reloaded, as `wxt` does in development, updated
 * or removed), never on the page's word. Nothing is posted to the page.
 *
 * The event is named without the extension's id: reading `runtime` at document_start costs Firefox ~10 ms of the
 * page's DOMContentLoaded (lib/content-script/browser.ts), and the name need not be secret, since hearing it only
 * makes a copy ask the browser. The id is read only when the event comes.
 */
export class ContentScriptContext {
  readonly #lifetime = new AbortController();

  constructor(name: string) {
    const type = `parapet:${name}:content-script-started`;
    // A copy left behind by a reload of the extension hears this and finds its own context gone.
    document.dispatchEvent(new CustomEvent(type));
    document.addEventListener(type, () => browser.runtime?.id || this.#lifetime.abort(), { signal: this.signal });
  }

  /** Aborted only when this copy's extension context is gone. */
  get signal(): AbortSignal {
    return this.#lifetime.signal;
  }
}
