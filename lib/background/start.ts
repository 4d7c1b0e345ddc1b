import { browser } from 'wxt/browser';
import { sessionArea } from './session-area';
import { loadProfile, openStore } from '../db';
import { dispatch } from '../messaging';
import type { Profile } from '../schema/profile';
import { createHandlers } from './handlers';
import { chatSelections } from './chat';
import { defaultConnector, readyJudgeEngine } from './judge';
import { modelRefiner } from '../judge/instruction-refiner';
import { meaningModel } from './meaning';
import { createTopicPacker, isPageSender } from './topic-pack';
import { createPagePreparer, feedOfUrl, readyForTab } from './page-profile';
import { localProfileBackup, storedProblem } from './profile-backup';
import { createTabRates } from './tab-rates';
import { sessionTabStats } from './tab-stats';
import { openWelcomeOnInstall } from './first-run';
import { createModelStore } from './page-models';
import { createKnownStore } from './known-store';
import { createTabReadyStore } from './tab-ready-store';
import type { FeedPlatform } from '../schema/common';

const tabStats = sessionTabStats();

/** A feed tab's profile with its look-ups built (page-profile.ts): one cache for page starts and broadcasts. */
const forPage = createPagePreparer({
  get: (key) => sessionArea().get(key),
  set: (items) => sessionArea().set(items),
});

const withTopicPack = createTopicPacker(meaningModel, {
  get: (key) => sessionArea().get(key),
  set: (items) => sessionArea().set(items),
});

/** One page of each feed: what a tab there is sent is cut by its site. */
const FEED_PAGES: Record<FeedPlatform, string> = {
  youtube: 'https://www.youtube.com/',
  reddit: 'https://www.reddit.com/',
  x: 'https://x.com/',
  hackernews: 'https://news.ycombinator.com/',
};

/** Tabs (content scripts) get the profile with its topics by meaning; extension pages the profile alone. `keep`:
 * what each feed's next tab reads at its start is made and kept again (tab-ready-store.ts). */
async function broadcastProfile(profile: Profile, keep: () => Promise<void>) {
  // Expanded now, open feed tab or not (a feed page keeps every topic: page-profile.ts), so the next page's start
  // is answered from the kept pack instead of spending its hold on loading the meaning model.
  void withTopicPack(profile).catch(() => {});
  const message = { type: 'profile/changed', profile };
  browser.runtime.sendMessage(message).catch(() => {});
  const tabs = await browser.tabs.query({}).catch(() => []);
  for (const tab of tabs) {
    // Only web pages' content scripts: an extension page open in a tab (the dashboard) hears the whole profile above,
    // and a page's cut-down copy must not replace it there.
    if (tab.id === undefined || !isPageSender(tab)) continue;
    // Each tab gets only what its site needs (a chat tab only hears that the profile changed).
    tellTab(tab.id, (await readyForTab(profile, tab.url, withTopicPack, forPage)).profile);
  }
  // The sites of open tabs first (above), then what every feed's next page reads at its start.
  await keep();
}

/** How long after the worker wakes it checks that what feed tabs read at their start is current. */
const WAKE_REFRESH_MS = 2000;

const tellTab = (tab: number, profile: Profile) => void browser.tabs.sendMessage(tab, { type: 'profile/changed', profile }).catch(() => {});

export function startBackground() {
  // The profile's last good copy is kept in storage.local, to restore from if IndexedDB comes back empty.
  const store = openStore(undefined, undefined, { backup: localProfileBackup });
  store.onProblem = storedProblem.write;
  void storedProblem.read().then((p) => {
    if (p && !store.problem) store.problem = p;
  });
  const tabRates = createTabRates();
  // The model files every feed tab reads: read, checked and kept in storage.local now, while no tab waits, rather
  // than inside the first tab's hold.
  const storedModels = createModelStore();
  void storedModels();
  // Beside them, what each feed's tab is sent at its start, so that it reads that instead of asking while its page
  // is parsed: made again if what is kept is not current (a new build, a profile read back from its copy).
  const tabReady = createTabReadyStore({
    load: () => loadProfile(store, Date.now()),
    ready: (profile, feed) => readyForTab(profile, FEED_PAGES[feed], withTopicPack, forPage),
    models: storedModels,
    openFeeds: async () => (await browser.tabs.query({})).map((t) => feedOfUrl(t.url)).filter((f) => f !== null),
  });
  // A moment after a wake, not while the page that woke the worker starts (reading the profile is a woken worker's
  // largest cost); at once when the browser starts and when Parapet is installed or updated, the topics expanded
  // while no tab waits for the model to load.
  const known = createKnownStore({ current: (feed, key, stamp) => tabReady.current(feed, key, stamp) });
  setTimeout(() => void tabReady.refresh(), WAKE_REFRESH_MS);
  const keep = () => void tabReady.refresh();
  browser.runtime.onStartup.addListener(keep);
  browser.runtime.onInstalled.addListener(keep);
  openWelcomeOnInstall();
  const judgeHost = defaultConnector();
  const handlers = createHandlers({
    store,
    broadcastProfile: (p) => void broadcastProfile(p, tabReady.refresh).catch(() => {}),
    tabReady,
    known,
    tellTab,
    withTopicPack,
    forPage,
    tabStats,
    judgeHost,
    tabRates,
    storedModels,
    // The local model, when it is on and loaded, gets a say in which instructions apply; it never delays a send
    // for long (the refiner has its own short timeout) and a failure keeps the selector's own choice. The meaning
    // model likewise: while it is still loading (most of a second after the worker wakes) words alone decide.
    selectInstructions: async (profile, site, message) => {
      const soon = <T>(p: Promise<T | null>) => Promise.race([p, new Promise<null>((resolve) => setTimeout(() => resolve(null), 300))]);
      const [engine, meaning] = await Promise.all([soon(readyJudgeEngine(profile, judgeHost).catch(() => null)), soon(meaningModel())]);
      return chatSelections(profile, site, message, engine ? modelRefiner(engine) : undefined, meaning ?? undefined);
    },
  });
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Broadcasts we sent ourselves come back to our own listener in some browsers: ignore them.
    if ((message as { type?: string })?.type === 'profile/changed') return undefined;
    return dispatch(handlers, message, sender, self);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void tabStats.forget?.(tabId);
    tabRates.forget(tabId);
  });
}
