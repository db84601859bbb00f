// docs/setup.md shows the screenshots `make setup-screenshots` retakes from the editor as it is
// (setup-screenshots.mjs), and no other: an image the script no longer writes would go stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');

test("docs/setup.md's images are the ones the screenshot script writes, each there", () => {
  const shown = [...read('../../docs/setup.md').matchAll(/!\[[^\]]*\]\(([^)]+\.png)\)/g)].map((match) => match[1]).sort();
  const written = [...read('./setup-screenshots.mjs').matchAll(/\$\{docs\}([a-z-]+\.png)/g)].map((match) => match[1]).sort();
  assert.deepEqual(shown, written);
  for (const image of shown) assert.ok(existsSync(new URL(`../../docs/${image}`, import.meta.url)), image);
});
