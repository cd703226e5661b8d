import type { Citation } from '#engine/core/finding';

/** 国办发〔2018〕123号 的章节引用（意见不设条号，按“四、（一）开设整合”等章节引用）。 */
export function gb(article: string, quote?: string): Citation {
  return { doc: '国办发〔2018〕123号', article, title: '国务院办公厅关于推进政务新媒体健康有序发展的意见', ...(quote ? { quote } : {}) };
}

/** 二、明确工作职责 */
export const ZHIZE = '二、明确工作职责';
/** 四、（一）开设整合 */
export const KAISHE = '四、（一）开设整合';
/** 四、（二）内容保障 */
export const NEIRONG = '四、（二）内容保障';
