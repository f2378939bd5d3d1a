import nock from 'nock';
import { afterEach } from 'vitest';

// Only loopback (the emulator) may be reached; everything else must be mocked.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

afterEach(() => {
  nock.cleanAll();
});
