import type { Citation } from '#engine/core/finding';

/** 六政办秘〔2021〕148号《六安市政府系统政务新媒体管理暂行办法》的条款引用。 */
export function la(article: string, quote?: string): Citation {
  return { doc: '六政办秘〔2021〕148号', article, title: '六安市政府系统政务新媒体管理暂行办法', ...(quote ? { quote } : {}) };
}
