import { MeaningModel } from '../core/meaning/model';
import { shippedFile } from './shipped-file';

/** Lets the worker take the messages that came meanwhile: a feed tab's page/start waits behind each step of the
 * load, and its items stay unseen while it waits (the hold's cap is a second: runner.ts). A timer, not a resolved
 * promise: a tab's message arrives as a task of its own. */
const letOthersRun = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The meaning model (public/models/meaning.bin), read once per background lifetime. Null when it cannot be read:
 * topics then act by their literal words only, as they did before the model existed (fail open).
 */
export const meaningModel: () => Promise<MeaningModel | null> = shippedFile(
  '/models/meaning.bin',
  async (res) => MeaningModel.load(new Uint8Array(await res.arrayBuffer()), letOthersRun),
  'topics match their words only',
);
