import type { Citation } from '#engine/core/finding';

/** 自府办函〔2021〕62号 的条款引用。 */
export function zg(article: string, quote?: string): Citation {
  return { doc: '自府办函〔2021〕62号', article, title: '自贡市政务新媒体管理办法', ...(quote ? { quote } : {}) };
}
