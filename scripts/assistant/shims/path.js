// 浏览器中的 node:path（只含引擎用到的 POSIX 函数）/ node:path for the browser bundle (POSIX subset the engine uses).
function normalize(p) {
  const abs = p.startsWith('/');
  const out = [];
  for (const s of p.split('/')) {
    if (!s || s === '.') continue;
    if (s === '..') { if (out.length && out[out.length - 1] !== '..') out.pop(); else if (!abs) out.push('..'); }
    else out.push(s);
  }
  return (abs ? '/' : '') + out.join('/') || (abs ? '/' : '.');
}
function join(...parts) { return normalize(parts.filter((x) => x !== '').join('/')); }
function resolve(...parts) {
  let r = '';
  for (const p of parts) r = p.startsWith('/') ? p : r + '/' + p;
  return normalize(r.startsWith('/') ? r : '/' + r);
}
function dirname(p) { const i = p.replace(/\/+$/, '').lastIndexOf('/'); return i < 0 ? '.' : i === 0 ? '/' : p.slice(0, i); }
function basename(p, ext) { let b = p.replace(/\/+$/, ''); b = b.slice(b.lastIndexOf('/') + 1); return ext && b.endsWith(ext) ? b.slice(0, -ext.length) : b; }
function extname(p) { const b = basename(p); const i = b.lastIndexOf('.'); return i <= 0 ? '' : b.slice(i); }
function relative(from, to) {
  const a = resolve(from).split('/').filter(Boolean), b = resolve(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}
function isAbsolute(p) { return p.startsWith('/'); }
const posix = { sep: '/', normalize, join, resolve, dirname, basename, extname, relative, isAbsolute };
posix.posix = posix;
export default posix;
export { normalize, join, resolve, dirname, basename, extname, relative, isAbsolute, posix };
export const sep = '/';
