/**
 * govmedia gen-codeowners：由登记簿中的 reviewers 生成 .github/CODEOWNERS；--check 只检查是否过期。
 * 退出码：0 已写出或未过期，1 已过期（--check），2 用法错误或无法写出。
 *
 * Generate .github/CODEOWNERS from the reviewers in the register; --check exits 1 when the
 * committed file is stale. Exit 2 on usage errors. Never a stack trace.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { todayShanghai } from '../calendar/workdays.ts';
import { codeownersText } from '../approvals/codeowners.ts';
import { langOf, langValue, parseArgsError, usageText, UsageError } from '../core/cli-args.ts';
import { defaultDataRoot } from '../core/paths.ts';
import { FsSource } from '../core/source.ts';
import { readRegister } from '../pipeline/pipeline.ts';
import { commandHelp, parseCommand } from './table.ts';


export interface GenCodeownersIo {
  out(s: string): void;
  err(s: string): void;
}


export async function cmdGenCodeowners(args: string[], io: GenCodeownersIo): Promise<number> {
  let lang = langOf(args);
  try {
    const { values } = parseCommand('gen-codeowners', args);
    if (values.help) {
      io.out(commandHelp('gen-codeowners', lang));
      return 0;
    }
    lang = langValue(values.lang);
    const root = values.root !== undefined ? path.resolve(values.root) : defaultDataRoot();
    const out = values.out !== undefined ? path.resolve(values.out) : path.join(root, '.github', 'CODEOWNERS');
    const src = new FsSource(root);
    if (!src.exists('accounts/region.json')) throw new UsageError(`${root} 中没有 accounts/region.json，不是登记簿\n${root} holds no accounts/region.json`);

    const { register, findings } = readRegister(src, { now: todayShanghai() });
    const broken = new Set(findings.filter((f) => f.severity === 'error' && /(^|\/)(region|unit)\.json$/.test(f.file)).map((f) => f.file));
    if (broken.size) {
      io.err(
        lang === 'zh'
          ? `警告：${broken.size} 个地区或单位文件未通过检查，未列入 CODEOWNERS：${[...broken].sort().join('、')}（运行 govmedia validate 查看详情）`
          : `warning: ${broken.size} region or unit file(s) failed validation and are left out: ${[...broken].sort().join(', ')} (run govmedia validate)`,
      );
    }
    const text = codeownersText(register);
    const shown = path.relative(process.cwd(), out) || out;

    if (values.check) {
      let current: string | undefined;
      try {
        current = await readFile(out, 'utf8');
      } catch {
        current = undefined;
      }
      if (current === text) {
        io.out(lang === 'zh' ? `${shown} 与登记簿一致` : `${shown} is up to date`);
        return 0;
      }
      io.err(
        lang === 'zh'
          ? `${shown} ${current === undefined ? '不存在' : '已过期，与登记簿中的 reviewers 不一致'}：请运行 npm run gen:codeowners 并提交结果`
          : `${shown} is ${current === undefined ? 'missing' : 'stale'}: run npm run gen:codeowners and commit the result`,
      );
      return 1;
    }

    try {
      await mkdir(path.dirname(out), { recursive: true });
      await writeFile(out, text);
    } catch (e) {
      throw new UsageError(`无法写出 ${shown}（${(e as { code?: string })?.code ?? (e as Error)?.message}）\ncannot write ${shown}`);
    }
    const lines = text.split('\n').filter((l) => l && !l.startsWith('#')).length;
    io.out(lang === 'zh' ? `已写出 ${shown}（${lines} 条规则）` : `wrote ${shown} (${lines} rules)`);
    return 0;
  } catch (e) {
    const u = e instanceof UsageError ? e : parseArgsError(e);
    if (u) {
      io.err(usageText(u, lang, 'gen-codeowners'));
      return 2;
    }
    io.err(lang === 'zh' ? `内部错误：${(e as Error)?.message ?? String(e)}\n请把这条信息报告给本库维护者。` : `internal error: ${(e as Error)?.message ?? String(e)}\nPlease report this to the maintainers.`);
    return 2;
  }
}
