// 并行检查的工作线程入口：加载 TypeScript 引擎（tsx），检查分给它的单位文件夹。
// Worker entry of the parallel validation: loads the engine through tsx and judges its share.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runShare } = await import('./parallel-share.ts');
const result = await runShare(workerData);
parentPort.postMessage(result);
