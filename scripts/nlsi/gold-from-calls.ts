/**
 * NLSI's gold answer rebuilt from an example's API calls, for files whose `applicable_standing_instructions`
 * field does not hold the answer (../shared/data/nlsi/base-paraphrase.jsonl carries the paraphraser's list of
 * other instructions there: none of its 19 entries per example is among the user's instructions). NLSI built
 * its calls from the instructions that apply, so an instruction applies when what it sets (and what its
 * condition tests) is in the calls: "If I ask for Restaurants, my preferred city is Palo Alto" applies when a
 * GetRestaurants call has city="Palo Alto"; "If I ask for Travel, then also look at Hotels" when both are
 * called. In an override example the call holds the message's value, so the overridden instruction is out.
 */

type Call = { domain: string; slots: Map<string, string> };

const fold = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const slotName = (s: string) => fold(s).replace(/^preferred /, '').replace(/ /g, '_');

export function parseCalls(calls: string[]): Call[] {
  return calls.map((call) => {
    const m = /^(\w+)\((.*)\)$/s.exec(call.trim());
    const slots = new Map<string, string>();
    if (!m) return { domain: '', slots };
    for (const [, k, v] of m[2].matchAll(/(\w+)="([^"]*)"/g)) slots.set(k.toLowerCase(), fold(v));
    return { domain: fold(m[1].replace(/^Get/, '').replace('Denists', 'Dentists')), slots };
  });
}

/** The same service named in an instruction and in a call: "RentalCars" ~ "Rentalcars", "Doctor" ~ "Doctors". */
function sameDomain(named: string, called: string): boolean {
  const a = fold(named).replace(/ /g, '').replace(/s$/, '');
  const b = called.replace(/ /g, '').replace(/s$/, '');
  return a === b || a.startsWith(b) || b.startsWith(a);
}

/** Slot/value pairs an instruction mentions, and the services it names. */
function mentions(instruction: string): { domains: string[]; pairs: [string, string][]; flags: string[]; alsoLook?: string } {
  const text = instruction.replace(/look for(?=\S)/g, 'look for ');
  const domains = [...text.matchAll(/I ask for (\w+)/g)].map((m) => m[1]);
  const alsoLook = /also look at (\w+)/.exec(text)?.[1];
  const pairs: [string, string][] = [];
  const flags: string[] = [];
  const body = text.replace(/^If I ask for \w+,?\s*/, '').replace(/^and /, '');
  for (const part of body.split(/,\s*|\s+then\s+|^If\s+|\s+and\s+(?=[a-z ]+ is )/)) {
    const p = part.replace(/^(?:If|then|look for|my preferred|with)\s+/g, '').replace(/^(?:look for|my preferred|with)\s+/, '');
    const m = /^([a-z][a-z ]*?)\s+(?:is|as)\s+(.+)$/.exec(p);
    if (m && !/^(?:my )?preferr?ance/.test(m[1])) pairs.push([slotName(m[1]), fold(m[2])]);
    else if (/^(?:my preferr?ance is that it (?:is )?|preferr?ance (?:is )?)/.test(p)) flags.push(fold(p.replace(/^.*?that it (?:is )?/, '').replace(/^(?:my )?preferr?ance (?:is )?/, '')));
    else if (/^(?:has|good for|serves|pets|free|furnished)/.test(p)) flags.push(fold(p));
  }
  return { domains, pairs, flags, alsoLook };
}

/** "san jose" within "san jose ca", but "atl" not within "atlanta". */
const within = (part: string, whole: string) => ` ${whole} `.includes(` ${part} `);

function callHolds(call: Call, pairs: [string, string][], flags: string[]): boolean {
  const values = [...call.slots.values()];
  for (const [slot, value] of pairs) {
    const got = call.slots.get(slot) ?? [...call.slots].find(([k]) => k.endsWith(slot) || slot.endsWith(k))?.[1];
    if (got === undefined) return false;
    // Calls sometimes space a name differently ("Simel , Family" for "SimelFamily").
    const same = got === value || within(value, got) || within(got, value) || got.replace(/ /g, '') === value.replace(/ /g, '');
    if (!same) return false;
  }
  // A yes/no preference ("has wifi", "it is unisex", "good for kids") is a slot set to True.
  for (const flag of flags) {
    const k = flag.replace(/^(?:it )?(?:is )?/, '').replace(/ /g, '_');
    if (![k, `is_${k}`, `has_${k}`].some((name) => call.slots.get(name) === 'true')) return false;
  }
  return true;
}

export function goldFromCalls(profile: string[], calls: string[]): string[] {
  const parsed = parseCalls(calls);
  return profile.filter((instruction) => {
    const { domains, pairs, flags, alsoLook } = mentions(instruction);
    const inDomain = parsed.filter((c) => !domains.length || domains.some((d) => sameDomain(d, c.domain)));
    if (alsoLook) return inDomain.length > 0 && parsed.some((c) => sameDomain(alsoLook, c.domain));
    if (!pairs.length && !flags.length) return false;
    return inDomain.some((c) => callHolds(c, pairs, flags));
  });
}
