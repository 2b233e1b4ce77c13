/**
 * Runs the matcher in a fresh V8 isolate (a worker thread), where nothing is compiled, optimised
 * or cached yet: the start-up cost a page pays. Shared by matcher-cold and matcher-snapshot.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { transformWithOxc } from 'vite';

const CONTENT_DIR = fileURLToPath(new URL('../../entrypoints/content/', import.meta.url));

/** A short article text in English and Chinese, for the first call. */
export const COLD_TEXT =
  'Officials in Zhejiang said on Monday that the province would expand its low-altitude economy, while ' +
  'Hangzhou firms building humanoid robots and AI chips raised new funds. 浙江省发展人工智能和低空经济。';

export interface ColdIsolate {
  /** Starts a worker on the script, with `workerData`, and resolves with its one message. */
  run<T>(workerData: unknown): Promise<T>;
  /** Removes the modules written for it. */
  remove(): void;
}

/**
 * Writes the matcher modules as plain JavaScript (they import nothing but each other and types,
 * which the transform drops) next to `script`, a worker module that imports './matcher.mjs'.
 */
export async function prepareColdIsolate(script: string): Promise<ColdIsolate> {
  const dir = mkdtempSync(join(tmpdir(), 'matcher-cold-'));
  for (const file of readdirSync(CONTENT_DIR).filter((f) => /^matcher.*\.ts$/.test(f))) {
    const { code } = await transformWithOxc(readFileSync(join(CONTENT_DIR, file), 'utf8'), file, { lang: 'ts' });
    const linked = code.replace(/from\s*(['"])\.\/(matcher[\w-]*)\1/g, "from './$2.mjs'");
    writeFileSync(join(dir, file.replace(/\.ts$/, '.mjs')), linked);
  }
  writeFileSync(join(dir, 'cold.mjs'), script);
  return {
    run: <T>(workerData: unknown) =>
      new Promise<T>((resolve, reject) => {
        const worker = new Worker(join(dir, 'cold.mjs'), { workerData });
        worker.once('message', (message: T) => {
          resolve(message);
          void worker.terminate();
        });
        worker.once('error', reject);
      }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
