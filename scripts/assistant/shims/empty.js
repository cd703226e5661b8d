// 页面中不会调用的 Node 模块（进程、线程、子进程、加密）。Node modules the page never calls.
function none() { throw new Error('not available in the browser'); }
export const createHash = none, spawn = none, Worker = none, cpus = () => [], tmpdir = () => '/tmp';
export const isMainThread = true, parentPort = null, workerData = null;
// read-ahead (worker threads) and the background listing (fs/promises): never started in the page
export const receiveMessageOnPort = none, MessageChannel = none, lstat = none, readdir = none;
export default { createHash, spawn, Worker, cpus, tmpdir };
