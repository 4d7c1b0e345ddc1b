// Histories for the inferred model's tests: titles written for these tests (no corpus text), as a person who bakes
// sourdough and builds furniture would open them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MeaningModel } from '../../lib/core/meaning/model';
import type { Signal } from '../../lib/schema/log';

export const SOURDOUGH = [
  'Crumb finally happened after three months of trying',
  'My sourdough starter is finally bubbly and active',
  'Open crumb sourdough loaf with 80% hydration',
  'Sourdough boule scoring patterns for beginners',
  'Why is my sourdough bread so dense?',
  'Feeding schedule for a rye sourdough starter',
  'First loaf from my new dutch oven',
  'Whole wheat sourdough sandwich bread recipe',
  'Bulk fermentation timing in a cold kitchen',
  'Shaping a batard without tearing the dough',
  'Levain build and autolyse explained',
  'Sourdough focaccia with rosemary and sea salt',
  'Baguettes with a crispy crust and airy crumb',
  'Overproofed or underproofed? Reading the crumb',
  'Banneton proofing overnight in the fridge',
  'Spelt sourdough loaf, a little flat but tasty',
  'Ear on my sourdough at last',
  'Bread flour vs all purpose flour for sourdough',
  'Stretch and folds: how many sets?',
  'Sourdough discard pancakes recipe',
  'Baking bread at high altitude tips',
  'Rye bread with caraway seeds',
  'My weekly sourdough bake, two loaves',
  'Ciabatta with a wet dough and big holes',
  'Homemade brioche buns for burgers',
  'Starter smells like acetone, is it dead?',
  'Cinnamon raisin sourdough loaf',
  'Kneading by hand vs stand mixer for bread dough',
  'Country loaf with a dark bake',
  'Sourdough bagels boiled and baked',
];

export const WOODWORKING = [
  'Walnut side table I built for my wife',
  'Hand-cut dovetails on a cherry drawer',
  'Sharpening chisels on water stones',
  'My first workbench build with a leg vise',
  'Oak dining table finished with hard wax oil',
  'Mortise and tenon joinery for beginners',
  'Restoring an old Stanley hand plane',
  'Building a bookshelf out of maple plywood',
  'Table saw sled for accurate crosscuts',
  'Epoxy river coffee table from a live edge slab',
  'Dust collection setup in a small garage workshop',
  'Making a cutting board from scrap hardwood',
  'Which wood finish for an outdoor bench?',
  'Router table fence build',
  'Hand planing a board flat and square',
  'Woodworking projects for a weekend',
  'Turned a walnut bowl on the lathe',
  'Shaker style cabinet doors with a router',
  'Box joints on a jig for a toy chest',
  'Drawknife and spokeshave for a chair build',
  'Wood glue vs screws for furniture joints',
  'Rocking chair build, part three: the rockers',
  'Milling rough lumber without a jointer',
  'Japanese pull saw vs western saw',
  'Cherry jewelry box with a hand rubbed finish',
  'Bandsaw resawing veneer from a maple board',
  'Building a floating shelf with hidden brackets',
  'Wooden spoon carving with a hook knife',
  'Woodshop tour after two years',
  'Bench hook and shooting board for the workbench',
];

export const DAY = 86_400_000;
export const T0 = Date.UTC(2026, 10, 1);

let n = 0;
export function opened(title: string, day: number, extra: Partial<Signal> = {}): Signal {
  n++;
  return { id: n, ts: T0 + day * DAY, type: 'open', platform: 'reddit', itemId: `i${n}`, title, author: 'someone', url: `https://www.reddit.com/r/x/comments/i${n}/`, detail: '', ...extra };
}

/** Each title opened once, `perDay` a day from day 0. */
export function history(titles: readonly string[], from = 0, perDay = 4): Signal[] {
  return titles.map((t, i) => opened(t, from + Math.floor(i / perDay)));
}

let model: MeaningModel | null = null;
/** The shipped meaning model (public/models/meaning.bin), read once. */
export function shippedMeaning(): MeaningModel {
  return (model ??= MeaningModel.fromBytes(new Uint8Array(readFileSync(resolve(process.cwd(), 'public/models/meaning.bin')))));
}
