// Node only (tests, scripts): the rule tables with the committed learned models, as a feed tab builds them.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDetectorRules, type DetectorRules } from './index';
import { packLearned } from './learned-format';
import { SHIPPED_TABLES } from './shipped';

export const SHIPPED_LEARNED_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../public/models/detectors.bin');

export const loadShippedDetectors = (): DetectorRules =>
  buildDetectorRules(SHIPPED_TABLES, packLearned(new Uint8Array(readFileSync(SHIPPED_LEARNED_PATH))));
