/**
 * 审计已确认提交清单的位置。单独成文件：`govmedia history` 的命令模块（与 audit 共用）只需要这个
 * 名字，不必加载清单的读取代码（它引入登记簿检查和全部模式校验器）。
 * Where the audit's acknowledgment list lives. A module of its own so that the command module that
 * `govmedia history` shares with audit needs only the name, not the list reader (which pulls in
 * the register checks and every schema validator).
 */
export const ACK_FILE = 'policies/audit-acknowledged.json';
