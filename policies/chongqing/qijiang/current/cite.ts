import type { Citation } from '#engine/core/finding';

/**
 * 《重庆市綦江区政府网站和政务新媒体管理办法》的条款引用。
 * 未能查到本办法的文号，按约定以办法名称代替文号（见 manifest.json 的 notes 和 README.md）。
 */
export const DOC = '綦江区政府网站和政务新媒体管理办法';

export function qj(article: string, quote?: string): Citation {
  return { doc: DOC, article, title: '重庆市綦江区政府网站和政务新媒体管理办法', ...(quote ? { quote } : {}) };
}
