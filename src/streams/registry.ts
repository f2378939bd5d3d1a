/** Every stream of the source, parents before their children: discover and read order. */
import type { StreamDefinition } from '../engine/stream.js';
import { apiKeys, invites, users, workspaceMembers, workspaces } from './lists.js';
import { cost, usage } from './reports.js';

export const STREAMS: readonly StreamDefinition[] = [users, workspaces, workspaceMembers, apiKeys, invites, usage, cost];

export const STREAM_NAMES = STREAMS.map((stream) => stream.name);
