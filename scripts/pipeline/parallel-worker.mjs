// 并行检查的工作线程入口：加载主线程所用的引擎（编译版 .js，或经 tsx 的 .ts），检查分给它的单位文件夹。
// Worker entry of the parallel validation: loads the engine the main thread runs (compiled .js,
// or .ts through tsx) and judges its share.
import { parentPort, workerData } from 'node:worker_threads';

const { share, input } = workerData;
if (share.endsWith('.ts')) (await import('tsx/esm/api')).register();
const { runShare } = await import(share);
const result = await runShare(input);
parentPort.postMessage(result);
