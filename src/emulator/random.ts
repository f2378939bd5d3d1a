/** A small seeded PRNG (mulberry32) so the emulator's data is the same for the same seed. */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
export const int = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

/** A tagged id such as user_01… with 24 characters after the prefix, like the API's. */
export function tagId(random: Random, prefix: string): string {
  const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  let id = '01';
  while (id.length < 24) id += alphabet.charAt(Math.floor(random() * alphabet.length));
  return `${prefix}_${id}`;
}
