import { MeaningModel } from '../core/meaning/model';
import { shippedFile } from './shipped-file';

/**
 * The meaning model (public/models/meaning.bin), read once per background lifetime. Null when it cannot be read:
 * topics then act by their literal words only, as they did before the model existed (fail open).
 */
export const meaningModel: () => Promise<MeaningModel | null> = shippedFile(
  '/models/meaning.bin',
  async (res) => MeaningModel.fromBytes(new Uint8Array(await res.arrayBuffer())),
  'topics match their words only',
);
