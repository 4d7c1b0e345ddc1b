import { browser } from 'wxt/browser';
import { MeaningModel } from '../core/meaning/model';

let loading: Promise<MeaningModel | null> | null = null;

/**
 * The meaning model (public/models/meaning.bin), read once per background lifetime. Null when it cannot be read:
 * topics then act by their literal words only, as they did before the model existed (fail open).
 */
export function meaningModel(): Promise<MeaningModel | null> {
  loading ??= (async () => {
    try {
      const res = await fetch(browser.runtime.getURL('/models/meaning.bin' as '/'));
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return MeaningModel.fromBytes(new Uint8Array(await res.arrayBuffer()));
    } catch (e) {
      console.warn('Parapet: the meaning model could not be loaded; topics match their words only', e);
      loading = null;
      return null;
    }
  })();
  return loading;
}
