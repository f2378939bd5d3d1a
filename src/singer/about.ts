/** `tap-claude-admin --about`: name, version, capabilities and settings, as text, JSON or Markdown. */
import type { JsonObject } from '../protocol/airbyte.js';
import { connectionSpecification } from '../spec.js';
import { VERSION } from '../version.js';

export type AboutFormat = 'text' | 'json' | 'markdown';

/** What this tap implements; stream maps, flattening, batch and activate-version are not declared. */
export const CAPABILITIES = ['catalog', 'discover', 'state', 'about'] as const;

const NAME = 'tap-claude-admin';
const DESCRIPTION = 'Singer tap for the Claude (Anthropic) Admin API: users, workspaces, workspace members, API keys, invites, daily usage and cost.';

interface Setting {
  name: string;
  type: string;
  required: boolean;
  secret: boolean;
  description: string;
}

const typeName = (type: unknown): string => (typeof type === 'string' ? type : Array.isArray(type) ? type.join('|') : 'string');

function settings(spec: JsonObject): Setting[] {
  const properties = (spec['properties'] ?? {}) as Record<string, JsonObject>;
  const required = (spec['required'] ?? []) as string[];
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    type: typeName(schema['type']),
    required: required.includes(name),
    secret: schema['airbyte_secret'] === true,
    description: typeof schema['description'] === 'string' ? schema['description'] : '',
  }));
}

const envName = (setting: string): string => `TAP_CLAUDE_ADMIN_${setting.toUpperCase()}`;

export function aboutText(format: AboutFormat): string {
  const spec = connectionSpecification();
  if (format === 'json') {
    return `${JSON.stringify({ name: NAME, description: DESCRIPTION, version: VERSION, capabilities: CAPABILITIES, settings: spec }, null, 2)}\n`;
  }
  const list = settings(spec);
  if (format === 'markdown') {
    const rows = list.map((s) => `| ${s.name} | ${s.type} | ${s.required ? 'yes' : 'no'} | ${s.description.replaceAll('|', '\\|')}${s.secret ? ' (secret)' : ''} |`);
    return [
      `# \`${NAME}\``,
      '',
      DESCRIPTION,
      '',
      `Version: ${VERSION}`,
      '',
      '## Capabilities',
      '',
      ...CAPABILITIES.map((c) => `* \`${c}\``),
      '',
      '## Settings',
      '',
      '| Setting | Type | Required | Description |',
      '|:--------|:----:|:--------:|:------------|',
      ...rows,
      '',
      `A full list of supported settings and capabilities is available by running: \`${NAME} --about\``,
      '',
    ].join('\n');
  }
  return [
    `Name: ${NAME}`,
    `Version: ${VERSION}`,
    `Description: ${DESCRIPTION}`,
    'Capabilities:',
    ...CAPABILITIES.map((c) => `  - ${c}`),
    'Settings:',
    ...list.map((s) => `  - ${s.name} (${s.type}${s.required ? ', required' : ''}${s.secret ? ', secret' : ''}); env ${envName(s.name)}`),
    '',
  ].join('\n');
}
