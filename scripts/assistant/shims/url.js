export function fileURLToPath(u) { return String(u).replace(/^file:\/\//, ''); }
export function pathToFileURL(p) { return { href: 'file://' + p }; }
export default { fileURLToPath, pathToFileURL };
