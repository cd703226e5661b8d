import type { Citation } from '#engine/core/finding';

/** 辽政办发〔2019〕24号 的章节引用（方案不设条号，按“三、（一）规范开设整合”等章节引用）。 */
export function ln(article: string, quote?: string): Citation {
  return { doc: '辽政办发〔2019〕24号', article, title: '辽宁省推进政务新媒体健康有序发展实施方案', ...(quote ? { quote } : {}) };
}

/** 三、（一）规范开设整合 */
export const KAISHE = '三、（一）规范开设整合';
/** 三、（二）强化内容保障 */
export const NEIRONG = '三、（二）强化内容保障';
/** 三、（三）做好安全防护 */
export const ANQUAN = '三、（三）做好安全防护';
/** 四、（二）强化责任落实 */
export const ZEREN = '四、（二）强化责任落实';
