// node:module 的 createRequire：只提供预编译校验函数和中文错误信息用到的几个模块（静态打包）。
// createRequire for the browser: only the modules the precompiled validators and the Chinese
// error messages ask for, bundled statically.
import * as ucs2length from 'ajv/dist/runtime/ucs2length';
import * as formats from 'ajv-formats/dist/formats';
import localizeZh from 'ajv-i18n/localize/zh';
const MODULES = {
  'ajv/dist/runtime/ucs2length': ucs2length,
  'ajv-formats/dist/formats': formats,
  'ajv-i18n/localize/zh': localizeZh,
};
export function createRequire() {
  return (id) => {
    const m = MODULES[id];
    if (!m) throw new Error(`module ${id} is not bundled for the browser`);
    return m;
  };
}
export default { createRequire };
