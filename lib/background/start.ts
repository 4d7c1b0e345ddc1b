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
import { createPagePreparer, profileForPage } from './page-profile';
import { localProfileBackup, storedProblem } from './profile-backup';
import { withRunnableRules } from '../schema/rule-risk';
import { createTabRates } from './tab-rates';
import { sessionTabStats } from './tab-stats';
import { openWelcomeOnInstall } from './first-run';
import { createModelStore } from './page-models';

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
const FEED_PAGES = ['https://www.youtube.com/', 'https://www.reddit.com/', 'https://x.com/', 'https://news.ycombinator.com/'];

/** Each feed's look-ups built now, open tab or not, so the next page's start is answered from what forPage kept
 * instead of building them while the tab waits. One site at a time, each in a task of its own. */
async function prepareFeeds(profile: Profile): Promise<void> {
  for (const url of FEED_PAGES) {
    await forPage(await withTopicPack(withRunnableRules(profileForPage(profile, url))), url);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Tabs (content scripts) get the profile with its topics by meaning; extension pages the profile alone. */
async function broadcastProfile(profile: Profile) {
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
    const forTab = { type: 'profile/changed', profile: await forPage(await withTopicPack(withRunnableRules(profileForPage(profile, tab.url))), tab.url) };
    browser.tabs.sendMessage(tab.id, forTab).catch(() => {});
  }
  // The sites of open tabs first (above: a page there may start any moment), then the others.
  await prepareFeeds(profile).catch(() => {});
}

export function startBackground() {
  // The profile's last good copy is kept in storage.local, to restore from if IndexedDB comes back empty.
  const store = openStore(undefined, undefined, { backup: localProfileBackup });
  store.onProblem = storedProblem.write;
  void storedProblem.read().then((p) => {
    if (p && !store.problem) store.problem = p;
  });
  const tabRates = createTabRates();
  // Expand the topics when the browser starts and when Parapet is installed or updated, so the first feed tab
  // is answered from the kept pack instead of waiting for the model to load.
  const warmTopics = () => void loadProfile(store, Date.now()).then(prepareFeeds).catch(() => {});
  browser.runtime.onStartup.addListener(warmTopics);
  browser.runtime.onInstalled.addListener(warmTopics);
  // The model files every feed tab reads: read, checked and kept in storage.local now, while no tab waits, rather
  // than inside the first tab's hold.
  const storedModels = createModelStore();
  void storedModels();
  openWelcomeOnInstall();
  const judgeHost = defaultConnector();
  const handlers = createHandlers({
    store,
    broadcastProfile: (p) => void broadcastProfile(p),
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
