/**
 * govmedia export：按全国政务新媒体信息报送系统所需字段导出登记簿（CSV、XLSX、JSON）。
 * `--public` 只导出公开信息（不含任何姓名、职务、电话和内部审核信息），公开网站也只用它。
 *
 * govmedia export: the register in the national reporting system's fields, as CSV, XLSX or
 * JSON. `--public` keeps only public information (no names, positions, phones, nothing internal);
 * it is what every public page uses.
 *
 *   govmedia export --format csv|xlsx|json [--public] [--out <file>] [--now <date>] [--root <dir>] [--lang zh|en]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { oneOf } from '../core/cli-args.ts';
import { commonValues, describeFsError, langOf, usageFailure, UsageError, type Io } from '../export/cli-args.ts';
import { loadForExport } from '../export/load.ts';
import { EXPORT_FORMATS, renderExport, type ExportFormat } from '../export/render.ts';
import { commandHelp, parseCommand } from './table.ts';

export { publicRecords, type PublicRecord } from '../export/records.ts';

export async function cmdExport(args: string[], io: Io): Promise<number> {
  const lang0 = langOf(args);
  try {
    const { values } = parseCommand('export', args);
    if (values.help) {
      io.out(commandHelp('export', lang0));
      return 0;
    }
    const c = commonValues(values);
    const format: ExportFormat = oneOf('--format', values.format, EXPORT_FORMATS, 'csv');
    if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out 须给出文件路径');
    if (format === 'xlsx' && values.out === undefined) throw new UsageError('xlsx 是二进制文件，请用 --out 指定输出文件，例如 --out 登记簿.xlsx');
    const isPublic = values.public === true;

    const { register, errors } = loadForExport(c.root, c.now);
    const { data, count } = await renderExport(register, { format, public: isPublic, now: c.now, lang: c.lang });

    if (errors.length) {
      const files = new Set(errors.map((f) => f.file)).size;
      io.err(
        c.lang === 'zh'
          ? `注意：登记簿中有 ${files} 个文件存在错误（共 ${errors.length} 处），未通过检查的文件没有导出。请运行 govmedia validate 查看并修正。`
          : `note: ${files} file(s) of the register have errors (${errors.length} in all); files that fail the checks were not exported. Run govmedia validate.`,
      );
    }

    if (values.out === undefined) {
      io.out(data.toString('utf8'));
    } else {
      const file = path.resolve(values.out);
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, data);
      } catch (e) {
        io.err(c.lang === 'zh' ? describeFsError(e, values.out) : `cannot write ${values.out}: ${(e as Error).message}`);
        return 2;
      }
      const kind = isPublic ? (c.lang === 'zh' ? '公开版，不含个人信息' : 'public version, no personal data') : c.lang === 'zh' ? '含负责人和联系人信息，仅供报送和内部使用，请勿公开' : 'includes staff contacts: for the national system and internal use only, do not publish';
      io.out(c.lang === 'zh' ? `已导出 ${count} 个账号到 ${values.out}（${format.toUpperCase()}，${kind}；数据日期 ${c.now}）` : `exported ${count} accounts to ${values.out} (${format.toUpperCase()}, ${kind}; data date ${c.now})`);
    }
    return errors.length ? 1 : 0;
  } catch (e) {
    const code = usageFailure(e, lang0, io);
    if (code !== undefined) return code;
    io.err(lang0 === 'zh' ? `导出失败：${(e as Error)?.message ?? String(e)}\n请把这条信息报告给本库维护者。` : `export failed: ${(e as Error)?.message ?? String(e)}\nPlease report this to the maintainers.`);
    return 2;
  }
}
