import { describe, expect, it } from 'vitest';

import { flattenBucket, rowKey } from '../../src/streams/buckets.js';

describe('report rows', () => {
  const bucket = {
    starting_at: '2025-08-01T00:00:00Z',
    ending_at: '2025-08-02T00:00:00Z',
    results: [
      { model: 'claude-opus-4-6', workspace_id: null, output_tokens: 5, cache_creation: { ephemeral_5m_input_tokens: 1, ephemeral_1h_input_tokens: 2 }, extra_new_field: 'kept' },
      { model: 'claude-opus-4-6', workspace_id: 'wrkspc_1', output_tokens: 7 },
    ],
  };

  it('stamps bucket bounds, fills every dimension with null, keeps nested and unknown fields', () => {
    const [first] = flattenBucket(bucket, ['workspace_id', 'model', 'api_key_id']);
    expect(first).toEqual({
      row_key: '2025-08-01T00:00:00Z/2025-08-02T00:00:00Z|workspace_id=-|model=claude-opus-4-6|api_key_id=-',
      starting_at: '2025-08-01T00:00:00Z',
      ending_at: '2025-08-02T00:00:00Z',
      workspace_id: null,
      model: 'claude-opus-4-6',
      api_key_id: null,
      output_tokens: 5,
      cache_creation: { ephemeral_5m_input_tokens: 1, ephemeral_1h_input_tokens: 2 },
      extra_new_field: 'kept',
    });
  });

  it('gives distinct keys per dimension values and per bucket width', () => {
    const keys = flattenBucket(bucket, ['workspace_id', 'model']).map((r) => r['row_key']);
    expect(new Set(keys).size).toBe(2);
    expect(rowKey('2025-08-01T00:00:00Z', '2025-08-01T01:00:00Z', ['model'], {})).not.toBe(rowKey('2025-08-01T00:00:00Z', '2025-08-02T00:00:00Z', ['model'], {}));
  });

  it('refuses two rows with the same key in one bucket', () => {
    expect(() => flattenBucket({ ...bucket, results: [{ model: 'a' }, { model: 'a' }] }, ['model'])).toThrow(/two rows for the same bucket/);
  });
});
