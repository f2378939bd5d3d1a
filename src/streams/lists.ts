/** The id-cursor list streams: who has access. */
import type { ListStream } from '../engine/stream.js';

export const users: ListStream = {
  kind: 'list',
  name: 'users',
  path: '/v1/organizations/users',
  primaryKey: [['id']],
};

export const workspaces: ListStream = {
  kind: 'list',
  name: 'workspaces',
  path: '/v1/organizations/workspaces',
  primaryKey: [['id']],
  // History (usage, cost, keys) still refers to archived workspaces.
  query: (config) => ({ include_archived: config.include_archived_workspaces }),
};

export const workspaceMembers: ListStream = {
  kind: 'list',
  name: 'workspace_members',
  path: '/v1/organizations/workspaces/{workspace_id}/members',
  primaryKey: [['workspace_id'], ['user_id']],
  parent: {
    stream: workspaces,
    partition: (workspace) => ({ workspace_id: String(workspace['id']) }),
    // A workspace deleted between listing it and reading its members.
    skipOnStatus: [404],
  },
};

/** No status filter: keys of every status (active, inactive, archived, expired) are read. */
export const apiKeys: ListStream = {
  kind: 'list',
  name: 'api_keys',
  path: '/v1/organizations/api_keys',
  primaryKey: [['id']],
};

export const invites: ListStream = {
  kind: 'list',
  name: 'invites',
  path: '/v1/organizations/invites',
  primaryKey: [['id']],
};
