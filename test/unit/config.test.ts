import { describe, expect, it } from 'vitest';

import { parseConfig } from '../../src/config.js';

describe('parseConfig', () => {
  it('fills documented defaults', () => {
    expect(parseConfig({ admin_api_key: 'sk-ant-admin01-x' })).toEqual({
      admin_api_key: 'sk-ant-admin01-x',
      base_url: 'https://api.anthropic.com',
      lookback_days: 3,
      usage_bucket_width: '1d',
      usage_group_by: ['workspace_id', 'api_key_id', 'model', 'service_tier', 'context_window'],
      cost_group_by: ['workspace_id', 'description'],
      page_size: 1000,
      requests_per_minute: 50,
      include_archived_workspaces: true,
    });
  });

  it.each([
    [{}, 'admin_api_key: is required'],
    [{ admin_api_key: 5 }, 'admin_api_key: expected string, got number'],
    [{ admin_api_key: 'k', start_date: '2025-02-30' }, 'start_date: is not a real calendar date'],
    [{ admin_api_key: 'k', start_date: '01/02/2025' }, 'start_date: expected YYYY-MM-DD or an RFC 3339 date-time'],
    [{ admin_api_key: 'k', lookback_days: -1 }, 'lookback_days: Too small'],
    [{ admin_api_key: 'k', lookback_days: 1.5 }, 'lookback_days: must be a whole number'],
    [{ admin_api_key: 'k', usage_group_by: ['model', 'workspace_id', 'api_key_id', 'service_tier', 'context_window', 'inference_geo'] }, 'usage_group_by: at most 5 dimensions'],
    [{ admin_api_key: 'k', usage_group_by: ['model', 'model'] }, 'usage_group_by: must not repeat'],
    [{ admin_api_key: 'k', usage_group_by: ['colour'] }, 'usage_group_by[0]: expected one of'],
    [{ admin_api_key: 'k', cost_group_by: ['api_key_id'] }, 'cost_group_by[0]: expected one of workspace_id, description'],
    [{ admin_api_key: 'k', usage_bucket_width: '1w' }, 'usage_bucket_width: expected one of 1d, 1h, 1m'],
    [{ admin_api_key: 'k', base_url: 'http://example.com' }, 'base_url: must use https'],
    [{ admin_api_key: 'k', base_url: 'not a url' }, 'base_url: expected an http(s) URL'],
    [{ admin_api_key: 'k', page_size: 5000 }, 'page_size: Too big'],
  ])('rejects %j with "%s"', (raw, reason) => {
    expect(() => parseConfig(raw)).toThrow(reason);
  });

  it('accepts plain http for loopback hosts only', () => {
    expect(parseConfig({ admin_api_key: 'k', base_url: 'http://127.0.0.1:8080' }).base_url).toBe('http://127.0.0.1:8080');
    expect(parseConfig({ admin_api_key: 'k', base_url: 'http://localhost:8080' }).base_url).toBe('http://localhost:8080');
  });

  it('rejects a non-object config', () => {
    expect(() => parseConfig([])).toThrow('the config must be a JSON object');
  });
});
