import { isLive } from '#engine/policy/common/structure';
import { isBackfilled } from '#engine/policy/stage';
import type { Person } from '#engine/generated/types';
import { defineRule } from '#engine/policy/types';
import { la } from '../cite.ts';

/**
 * 第十四条：基本信息包括主办单位、开设主体全称，负责、联系人姓名、职务、手机、座机，账号名称、类型、功能，
 * 账号文章、主页、下载的URL等。主办单位、认证主体、名称、平台类型、姓名和职务已由数据模式强制填写；
 * 本规则检查其余各项：
 * - 负责人、联系人：分管负责人、科室负责人（登记表“管理队伍”）和每名经办人员都要有办公电话和手机；
 * - 账号功能（functions）至少一项；
 * - URL：账号已开通（开设或补录已在新媒体系统办结）后必须登记——移动客户端登记下载地址，
 *   小程序登记任意一项，其他平台登记主页或文章地址。开通之前还没有地址，不要求。
 */
export default defineRule({
  name: 'basic-info-complete',
  scope: 'account',
  title: { zh: '账号基本信息完整（负责人和联系人电话、功能、URL）', en: 'basic information is complete (contacts\' phones, functions, URLs)' },
  citation: la('第十四条', '政务新媒体账号的基本信息包括主办单位、开设主体全称，负责、联系人姓名、职务、手机、座机，账号名称、类型、功能，账号文章、主页、下载的URL等'),
  severity: 'error',
  messages: {
    noSectionHead: { zh: '管理队伍中没有登记科室负责人', en: 'the team has no section head recorded' },
    noPhone: { zh: '{role}“{person}”没有登记{what}', en: '{roleEn} "{person}" has no {whatEn} recorded' },
    noFunctions: { zh: '没有登记账号功能（信息发布、解读回应、互动交流、办事服务等）', en: 'the account\'s functions are not recorded' },
    noUrl: { zh: '账号已开通，但没有登记{what}', en: 'the account is open but its {whatEn} is not recorded' },
  },
  fix: {
    noSectionHead: { zh: '请在 team.sectionHead 中填写科室负责人的姓名、职务、办公电话和手机。', en: 'Fill in team.sectionHead with name, position, office phone and mobile.' },
    noPhone: { zh: '请补充{role}的{what}（备案登记表“管理队伍”一栏）。', en: 'Add the {whatEn} of the {roleEn}.' },
    noFunctions: { zh: '请在 functions 中至少选择一项账号功能。', en: 'Choose at least one item in functions.' },
    noUrl: { zh: '请在 urls 中登记{what}（备案登记表“文章/主页/下载 URL”一栏）。', en: 'Record the {whatEn} in urls.' },
  },
  check(ctx, a) {
    if (!isLive(ctx, a)) return;
    const team = a.data.team;
    const phones = (p: Person, pointer: (string | number)[], role: string, roleEn: string): void => {
      const missing = [!p.officePhone ? ['办公电话', 'office phone'] : undefined, !p.mobile ? ['手机号码', 'mobile'] : undefined].filter((x): x is string[] => Boolean(x));
      if (missing.length) ctx.report({ account: a, pointer, messageId: 'noPhone', data: { role, roleEn, person: p.name, what: missing.map((m) => m[0]).join('和'), whatEn: missing.map((m) => m[1]).join(' and ') } });
    };
    if (team) {
      // an unknown team (backfilled account, listed in unknown) is not checked here
      phones(team.inCharge, ['team', 'inCharge'], '分管负责人', 'officer in charge');
      if (team.sectionHead) phones(team.sectionHead, ['team', 'sectionHead'], '科室负责人', 'section head');
      else ctx.report({ account: a, pointer: ['team'], messageId: 'noSectionHead' });
      team.operators.forEach((p, i) => phones(p, ['team', 'operators', i], '经办人员', 'operator'));
    }
    // a backfilled account carries what is known today (schema stage): its functions and URLs are not required
    if (isBackfilled(a.data)) return;
    if (!a.data.functions?.length) ctx.report({ account: a, pointer: a.data.functions ? ['functions'] : [], messageId: 'noFunctions' });
    const open = ctx.state(a).works.some((w) => (w.kind === '开设' || w.kind === '补录') && w.done);
    if (!open) return;
    const urls = a.data.urls ?? {};
    const at = a.data.urls ? ['urls'] : [];
    if (a.data.platform === '移动客户端') {
      if (!urls.download) ctx.report({ account: a, pointer: at, messageId: 'noUrl', data: { what: '下载地址（urls.download）', whatEn: 'download URL' } });
    } else if (a.data.platform === '微信小程序') {
      if (!urls.download && !urls.homepage && !urls.article) ctx.report({ account: a, pointer: at, messageId: 'noUrl', data: { what: '文章、主页或下载地址', whatEn: 'article, home page or download URL' } });
    } else if (!urls.homepage && !urls.article) {
      ctx.report({ account: a, pointer: at, messageId: 'noUrl', data: { what: '主页地址（urls.homepage）或文章地址（urls.article）', whatEn: 'home page or article URL' } });
    }
  },
});
