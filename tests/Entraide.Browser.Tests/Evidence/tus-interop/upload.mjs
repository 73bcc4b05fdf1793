// Uploads a file to Entraide's tus server with the reference client, pausing after the first chunk and resuming
// from the URL in a second Upload (as a client does after a restart). Prints {"url": …, "resumedFrom": …} on success.
// Environment: ENDPOINT, TOKEN, FILE, REQUEST_ID, SHA256.
import { readFileSync } from 'node:fs';
import * as tus from 'tus-js-client';

const { ENDPOINT, TOKEN, FILE, REQUEST_ID, SHA256 } = process.env;
const data = readFileSync(FILE);
const common = {
  headers: { Authorization: `Bearer ${TOKEN}` },
  chunkSize: 100000,
  retryDelays: [0, 200, 500, 1000, 2000],
  storeFingerprintForResuming: false,
  metadata: { requestId: REQUEST_ID, filename: 'interop.bin', filetype: 'application/octet-stream', sha256: SHA256 },
};

function run(options) {
  return new Promise((resolve, reject) => {
    const upload = new tus.Upload(data, {
      ...common,
      ...options,
      onError: reject,
      onSuccess: () => resolve({ url: upload.url, paused: false }),
      onChunkComplete: (size, accepted) => {
        if (options.pauseAfterFirstChunk && accepted < data.length) {
          upload.abort().then(() => resolve({ url: upload.url, paused: true, accepted }), reject);
        }
      },
    });
    upload.start();
  });
}

try {
  const first = await run({ endpoint: ENDPOINT, pauseAfterFirstChunk: true });
  if (!first.paused) throw new Error('the upload finished in one chunk; nothing was resumed');
  const second = await run({ uploadUrl: first.url });
  console.log(JSON.stringify({ url: second.url, resumedFrom: first.accepted }));
} catch (e) {
  console.error(String(e && e.stack || e));
  process.exit(1);
}
