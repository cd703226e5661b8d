/**
 * 输出转义：每种输出格式一个转义函数，所有报告都用这里的函数，不再各写一份。
 * 合并请求带来的一切（文件名、账号名、单位名、字段值）都是不可信数据：写进 Markdown 不能变成
 * 标题、表格、链接、@提及或 HTML；写进 HTML 不能变成标签；写进 GitHub Actions 作业日志不能变成
 * 工作流命令（::warning、::stop-commands:: 等）。
 *
 * One escaper per output kind, used by every reporter:
 * - `mdText` / `mdCode`: GitHub-flavoured Markdown (PR summary, sticky comment, monitor Markdown);
 * - `esc`: HTML text and attribute values (site, forms, monitor and score HTML);
 * - `ghData` / `ghProp`: data and properties of GitHub workflow commands (annotations);
 * - `logText` / `jobLog`: plain text printed to a CI job log, which the runner scans for commands.
 */

/**
 * 不可见或控制字符显示为 \uXXXX（换行显示为 \n），便于审核人看见，也不会被终端或渲染器执行。
 * Invisible and control characters (Unicode Cc, Cf, Zl, Zp: C0/C1 controls, bidi overrides,
 * zero-width spaces and joiners, BOM, tag characters) made visible as \uXXXX, newlines as \n.
 */
export function reveal(s: string): string {
  return s.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return ' ';
    const cp = c.codePointAt(0)!;
    return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`;
  });
}

// ---------------------------------------------------------------------------------------------
// HTML

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * HTML 文本和属性值（双引号或单引号内）。HTML text and quoted attribute values.
 * (Replaces the copies that lived in scripts/site, scripts/forms and scripts/monitor.)
 */
export function esc(s: string | number | undefined | null): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

// ---------------------------------------------------------------------------------------------
// GitHub-flavoured Markdown

const MD_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '@': '@&#8203;', '#': '#&#8203;' };

/**
 * Markdown 正文中的一段文字（表格单元格、列表项、标题中均可）：不换行、不成为标题/引用/列表/表格、
 * 不成为链接（含自动链接）、图片、强调、代码、公式、HTML 标签、@提及或 #引用。
 *
 * Inline text anywhere in GFM (a table cell, a list item, a heading):
 * - line breaks become a visible "\n", other invisible characters a visible \uXXXX (`reveal`),
 *   so a value never starts a line of its own;
 * - the ASCII punctuation that means something inline is backslash-escaped (CommonMark §2.4:
 *   any ASCII punctuation may be escaped): \ ` * _ ~ [ ] | $ — code, emphasis, strikethrough,
 *   links, images and footnotes ([), table cells (|), math ($);
 * - a value that would open a block where it stands (at the start of a list item: "- ", "+ ",
 *   "1. ", "1) ", "=", leading spaces) has that first character escaped;
 * - `<` `>` `&` `"` become entities, so no HTML tag, comment, autolink or entity survives and no
 *   block quote (>) can open;
 * - `@` and `#` are followed by a zero-width space written as an entity (as Renovate's
 *   sanitizeMarkdown does: "@&#8203;"), because GitHub links @mentions and #123 references in
 *   the rendered text, after Markdown escapes are gone; the same breaks GFM's extended
 *   autolinks (`https:&#8203;//`, `www&#8203;.`) and ATX headings.
 */
export function mdText(s: string | number | undefined | null): string {
  return reveal(String(s ?? ''))
    .replace(/[\\`*_~[\]|$&<>"@#]/g, (c) => MD_SPECIAL[c] ?? `\\${c}`)
    .replace(/^( +)/, (sp) => '&#32;'.repeat(sp.length))
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d{1,9})([.)])/, '$1\\$2')
    .replace(/\b(www)\./gi, '$1&#8203;.')
    .replace(/:\/\//g, ':&#8203;//');
}

/**
 * 代码样式的一段文字（路径、编号）。内容含反引号、竖线、换行或不可见字符时改用 mdText 的转义文本，
 * 因为代码片段内反斜杠转义无效。
 * A code span for a path or an id. Inside a code span no escape works, so a value holding a
 * backtick, a pipe (which would end a table cell), a line break or an invisible character is
 * rendered as escaped text (`mdText`) instead.
 */
export function mdCode(s: string | number | undefined | null): string {
  const v = String(s ?? '');
  if (v === '' || /[`|\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(v) || /^\s|\s$/.test(v)) return mdText(v);
  return `\`${v}\``;
}

// ---------------------------------------------------------------------------------------------
// GitHub workflow commands and job logs

/*
 * 依据 / source: actions/toolkit packages/core/src/command.ts (escapeData, escapeProperty),
 * https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts, read at commit
 * 4b9afa4c890de9d1a84c75bb617ee4d96207823a:
 *
 *   function escapeData(s) { return toCommandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A') }
 *   function escapeProperty(s) { ...same... .replace(/:/g, '%3A').replace(/,/g, '%2C') }
 *
 * and the runner that parses them, actions/runner src/Runner.Common/ActionCommand.cs (commit
 * 258d6c857db3519913f7deb6004b60172f8043ae): TryParseV2 takes a line that starts with "::" after
 * TrimStart(); the legacy TryParse takes "##[command]" ANYWHERE in a line. Both registered
 * command sets include stop-commands, warning, error, notice, add-mask, group ...
 */

/** 工作流命令的数据部分（“::error …::”之后）。Data of a workflow command (after the second "::"). */
export function ghData(s: string | number | undefined | null): string {
  return String(s ?? '')
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A');
}

/** 工作流命令的属性值（file=、title=）。A property value of a workflow command (file=, title=). */
export function ghProp(s: string | number | undefined | null): string {
  return ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command line: `::name k=v,k=v::data`, every value escaped. */
export function ghCommand(name: 'error' | 'warning' | 'notice', props: Record<string, string | number | undefined>, data: string): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${ghProp(v)}`)
    .join(',');
  return `::${name}${p ? ` ${p}` : ''}::${ghData(data)}`;
}

/**
 * 写进作业日志的一个值：不能换行（换行显示为 \n），不能含旧式命令“##[”。
 * A value printed in plain text to a CI job log: no line breaks (shown as \n), no invisible
 * characters, and no "##[" (the runner's legacy command prefix, matched anywhere in a line).
 */
export function logText(s: string | number | undefined | null): string {
  return reveal(String(s ?? '')).replace(/##\[/g, '##\\[');
}

/** Whitespace that .NET's TrimStart() removes (Char.IsWhiteSpace) or JavaScript's \s matches. */
const LEADING_WS = /^[\s\u0085\u180e]*/;

/**
 * 作业日志的最后一道保护：任何一行（去掉行首空白后）不能以“::”开头，任何位置不能出现“##[”。
 * The last guard on text bound for a job log: no line may start with "::" after leading
 * whitespace (the runner's TrimStart), and "##[" is broken everywhere. A "\" is put in front of
 * such a "::", which the runner then ignores. Idempotent. Never use it on our own annotations.
 */
export function jobLog(text: string): string {
  return text
    .split(/(\r\n|\r|\n)/)
    .map((part) => {
      if (part === '\n' || part === '\r' || part === '\r\n') return part;
      const lead = LEADING_WS.exec(part)![0];
      const rest = part.slice(lead.length);
      return (rest.startsWith('::') ? `${lead}\\${rest}` : part).replace(/##\[/g, '##\\[');
    })
    .join('');
}
