import { MeaningModel } from '../core/meaning/model';
import { pauseForTabs } from './pause';
import { shippedFile, type ShippedFile } from './shipped-file';

/**
 * The meaning model (public/models/meaning.bin), read once per background lifetime. Null when it cannot be read:
 * topics then act by their literal words only, as they did before the model existed (fail open).
 */
export const meaningModel: ShippedFile<MeaningModel> = shippedFile(
  '/models/meaning.bin',
  async (res) => MeaningModel.load(new Uint8Array(await res.arrayBuffer()), pauseForTabs),
  'topics match their words only',
);
