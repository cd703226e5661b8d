/**
 * 辽政办发〔2019〕24号 的监测事项（供 govmedia monitor 使用）。
 * 方案没有规定任何期限，也没有规定更新频率的具体数字（三、（二）只说“强化信息更新时效性”），
 * 所以本文件不设期限和更新规则：更新由全国通用的“2周内无更新”单项否决（scripts/monitor/national.ts）覆盖。
 * 唯一随时间持续存在的义务是“县级以上地方政府和省政府部门应当开设政务新媒体”，直接运行规则 required-accounts。
 *
 * The plan sets no deadlines and no update interval (only "强化信息更新时效性"), so it declares none;
 * the national 2-week veto covers updates. Missing required accounts are listed from the module's
 * own rule.
 */
import { defineMonitor } from '#engine/monitor/types';

export default defineMonitor({
  requiredAccounts: { rules: ['required-accounts'] },
});
