/**
 * 备案助手页面的 HTML 转义（一处，便于以后换成 scripts/report/escape.ts 的统一转义函数）。
 * HTML escaping for the assistant page, in one place so it can be swapped for the project's
 * shared escaper once there is one.
 */
export function escHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON that is safe inside <script type="application/json">. */
export function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
