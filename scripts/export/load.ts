/**
 * 读取登记簿供导出和公开网站使用；未通过检查的文件不在其中（并给出提示）。
 * Load the register for the export and the site. Files that fail the checks are not in the
 * snapshot; the caller warns about them.
 */
import { readRegister } from '../pipeline/pipeline.ts';
import type { Finding } from '../core/finding.ts';
import type { Register } from '../core/register.ts';
import { FsSource } from '../core/source.ts';

export interface Loaded {
  register: Register;
  /** Errors found while reading (their files may be missing from the snapshot). */
  errors: Finding[];
}

export function loadForExport(dataRoot: string, now: string): Loaded {
  const { register, findings } = readRegister(new FsSource(dataRoot), { now });
  return { register, errors: findings.filter((f) => f.severity === 'error') };
}
