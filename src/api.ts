/** Facts about the Anthropic Admin API that the generic engine must not know. */
import { VERSION } from './version.js';

export const ANTHROPIC_VERSION = '2023-06-01';
export const USER_AGENT = `source-claude-admin/${VERSION} (+https://www.npmjs.com/package/source-claude-admin)`;
export const STANDARD_KEY_PREFIX = 'sk-ant-api';

export function requestHeaders(apiKey: string): Record<string, string> {
  return {
    'x-api-key': apiKey,
    'anthropic-version': ANTHROPIC_VERSION,
    'user-agent': USER_AGENT,
    accept: 'application/json',
  };
}

export const ADMIN_KEY_HELP =
  'An Admin API key is required (it starts with sk-ant-admin01-; create one in the Claude Console → Settings → Admin keys, as an organization admin).';

/** The user-facing explanation for a 401/403, with a hint when the key looks like a standard key. */
export function credentialsRejectedMessage(status: number, apiKey: string, apiMessage: string): string {
  const kind = status === 401 ? 'rejected the API key' : 'refused access with this API key';
  const hint = apiKey.startsWith(STANDARD_KEY_PREFIX)
    ? ' The configured key looks like a standard API key (sk-ant-api…), which cannot read the Admin API.'
    : '';
  return `The Admin API ${kind} (${status}: ${apiMessage}).${hint} ${ADMIN_KEY_HELP}`;
}

/** Error body: {"type":"error","error":{"type","message"},"request_id"} (admin-api.md §2.7). */
export interface ApiErrorBody {
  type: string | undefined;
  message: string | undefined;
  requestId: string | undefined;
}

export function parseErrorBody(text: string): ApiErrorBody {
  try {
    const body = JSON.parse(text) as { error?: { type?: unknown; message?: unknown }; request_id?: unknown };
    const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
    return { type: str(body.error?.type), message: str(body.error?.message), requestId: str(body.request_id) };
  } catch {
    return { type: undefined, message: undefined, requestId: undefined };
  }
}
