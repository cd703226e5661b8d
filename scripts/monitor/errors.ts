/**
 * 输入文件（运行数据、检查结果、报送系统导出）有误：中文说明在前，退出码 2，不打印堆栈。
 * Bad input files (activity snapshot, inspection results, national export): a bilingual message,
 * exit code 2, never a stack trace. A UsageError, so the CLI's main() treats it the same way.
 */
import type { Bilingual } from '../core/finding.ts';
import { UsageError } from '../core/cli-args.ts';

export class InputError extends UsageError {
  constructor(readonly bi: Bilingual) {
    super(bi.zh, bi.en);
  }
}
