import { distinctReviewRoles } from '../../../../../scripts/policy/common/structure.ts';
import { la } from '../cite.ts';

/**
 * 第二十二条：“可参照政府网站信息内容三级审核机制由单位信息编辑员初审、审核员复审、相关负责人终审……
 * 严禁信息自编自审自发”。三级链条是“可参照”（提示）；禁止的是编辑者审核或终审自己编辑的信息（错误）。
 */
export default distinctReviewRoles({
  citation: la('第二十二条', '可参照政府网站信息内容三级审核机制由单位信息编辑员初审、审核员复审、相关负责人终审，严格内容编辑审核等权限分离，严禁信息自编自审自发'),
  chain: 'reference',
  valid: [
    {
      name: 'a two-level chain (one reviewer who also publishes) is allowed: the three-level chain is only “可参照”',
      setup: (k) => void (k.get('dept-weixin').team.review = { editors: ['丁编辑（虚构）'], reviewers: ['丙科长（虚构）'], finalApprovers: ['丙科长（虚构）'] }),
    },
  ],
  invalid: [
    {
      name: 'the editor reviews their own content: 自编自审 is forbidden',
      setup: (k) => void (k.get('dept-weixin').team.review = { editors: ['丁编辑（虚构）'], reviewers: ['丁编辑（虚构）'], finalApprovers: ['丙科长（虚构）'] }),
      errors: [{ account: 'dept-weixin', pointer: ['team', 'review', 'reviewers', 0], messageId: 'same', severity: 'error' }],
    },
  ],
});
