/**
 * Debian 的 chromium 在哪里：环境变量 CHROMIUM_PATH，否则在 PATH 中查找 chromium / chromium-browser。
 * 测试不写死绝对路径；找不到时给出安装提示（.ci/run 会安装）。
 * Where Debian's chromium is: $CHROMIUM_PATH, else `chromium` or `chromium-browser` on the PATH. Tests
 * write no absolute path; when it is missing the error says how to install it (.ci/run does).
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

function onPath(names: readonly string[]): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const n of names) {
      const p = path.join(dir, n);
      try {
        accessSync(p, constants.X_OK);
        return p;
      } catch {
        /* not here */
      }
    }
  }
  return undefined;
}

/** The chromium executable for playwright-core's `executablePath` (never a downloaded browser). */
export function chromiumPath(): string {
  const p = process.env.CHROMIUM_PATH || onPath(['chromium', 'chromium-browser']);
  if (!p) throw new Error("Debian's chromium was not found on the PATH (set CHROMIUM_PATH, or: apt-get install -y chromium)");
  return p;
}
