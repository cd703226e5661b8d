// 敌意输入语料的检查线程：在独立的工作线程中运行真实的命令行（main），
// 以便测试线程在超时（例如正则表达式灾难性回溯、死循环）时终止它。
// The corpus worker: runs the real CLI in-process inside a worker thread, so the test thread
// can terminate it when a run hangs (a synchronous loop cannot be interrupted otherwise).
// Like scripts/govmedia.mjs, it runs the compiled copy when it is current (dist/, built by npm test
// and npm ci) and the TypeScript sources through tsx otherwise: compiling every source through tsx
// in each new worker (the time-limit test starts a second one) cost ~3 s of CPU each.
import { parentPort } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';
import { compiledEntry } from '../../scripts/dist.mjs';

const compiled = compiledEntry('scripts/cli.js');
let main;
if (compiled) ({ main } = await import(pathToFileURL(compiled).href));
else {
  register();
  ({ main } = await import('../../scripts/cli.ts'));
}

parentPort.on('message', async (msg) => {
  const { id, job } = msg;
  try {
    if (job.kind === 'cli') {
      let out = '';
      let err = '';
      const code = await main(job.args, { out: (s) => void (out += s + '\n'), err: (s) => void (err += s + '\n') });
      parentPort.postMessage({ id, ok: true, result: { code, out, err } });
    } else if (job.kind === 'spin') {
      // a deliberate endless synchronous loop: proves that the test thread's time limit can end any run
      for (;;);
    }
  } catch (e) {
    parentPort.postMessage({ id, ok: false, error: String(e && e.stack ? e.stack : e) });
  }
});
parentPort.postMessage({ ready: true });
