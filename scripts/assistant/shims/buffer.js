// node:buffer 的 isUtf8：页面里的文本本来就是字符串（readText），这里只在字节路径上用到。
export function isUtf8(buf) {
  try { new TextDecoder('utf-8', { fatal: true }).decode(buf); return true; } catch { return false; }
}
export default { isUtf8 };
