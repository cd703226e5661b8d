import { isLive } from '#engine/policy/common/structure';
import { defineRule } from '#engine/policy/types';
import { la } from '../cite.ts';

const SPECIAL = /专项/;

/** 第九条：不得为专项活动或专项工作单独开设政务新媒体（账号的 tags 标明“专项活动”“专项工作”）。 */
export default defineRule({
  name: 'no-special-project-accounts',
  scope: 'account',
  title: { zh: '不得为专项活动或专项工作单独开设政务新媒体', en: 'no separate account for a special campaign or project' },
  citation: la('第九条', '不得为专项活动或专项工作单独开设政务新媒体'),
  severity: 'error',
  messages: {
    special: { zh: '账号“{name}”标注为“{tag}”：不得为专项活动或专项工作单独开设政务新媒体', en: 'account "{name}" is tagged "{tag}": no separate account may be opened for a special campaign or project' },
  },
  fix: {
    zh: '请把专项活动或专项工作的内容并入本单位已有的政务新媒体（开设专栏），并对该账号办理关停备案。',
    en: 'Publish the campaign through the unit\'s main account (as a column) and close this one.',
  },
  check(ctx, a) {
    if (!isLive(ctx, a)) return;
    (a.data.tags ?? []).forEach((tag, i) => {
      if (SPECIAL.test(tag)) ctx.report({ account: a, pointer: ['tags', i], messageId: 'special', data: { name: a.data.name, tag } });
    });
  },
});
