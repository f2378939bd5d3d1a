/** Replays a cassette (integration_tests/cassettes/*.json) through nock, matching path and exact query. */
import { readFileSync } from 'node:fs';

import nock from 'nock';

export interface Cassette {
  now: string;
  interactions: { path: string; query: Record<string, string | string[]>; status: number; body: unknown }[];
}

export function loadCassette(path: string): Cassette {
  return JSON.parse(readFileSync(path, 'utf8')) as Cassette;
}

export function replay(cassette: Cassette, baseUrl: string): nock.Scope {
  const scope = nock(baseUrl);
  for (const interaction of cassette.interactions) scope.get(interaction.path).query(interaction.query).reply(interaction.status, interaction.body as nock.Body);
  return scope;
}
