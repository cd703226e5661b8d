// 浏览器中没有文件系统：引擎在页面里只读内存中的登记簿快照。任何文件操作都是缺陷，明确报错。
// No file system in the page: the engine reads the in-memory register snapshot. Any file call is a bug.
function none(name) { return () => { throw new Error(`${name} is not available in the browser`); }; }
export const existsSync = () => false;
export const readFileSync = none('readFileSync');
export const readdirSync = none('readdirSync');
export const lstatSync = none('lstatSync');
export const statSync = none('statSync');
export const openSync = none('openSync');
export const fstatSync = none('fstatSync');
export const readSync = none('readSync');
export const closeSync = none('closeSync');
export const writeFileSync = none('writeFileSync');
export const mkdirSync = none('mkdirSync');
export default { existsSync, readFileSync, readdirSync, lstatSync, statSync, openSync, fstatSync, readSync, closeSync, writeFileSync, mkdirSync };
