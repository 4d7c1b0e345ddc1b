// The committed clickbait model, read as the content scripts read it: for tests that need the real classifier.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadClickbaitModel, type ClickbaitModel } from '@/lib/core/clickbait/model';

export const SHIPPED_CLICKBAIT_PATH = resolve(__dirname, '../../public/models/clickbait.bin');

export const loadShippedClickbait = (): ClickbaitModel => loadClickbaitModel(new Uint8Array(readFileSync(SHIPPED_CLICKBAIT_PATH)));
