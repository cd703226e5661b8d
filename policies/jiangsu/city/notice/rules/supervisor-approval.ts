import { supervisorApproval } from '../../../../../scripts/policy/common/process.ts';
import { ART, Q_FILING, js } from '../cite.ts';
import { cityCloseEvents, cityChange } from '../kit.ts';

/**
 * 开设、变更、关停、注销须经同级政府办公室审核同意。补录是对已开设未备案账号的迟到的开设备案，同样须审核。
 * 本库把“关停”和“注销”作为同一项关停办理（关停备案 … 平台注销 … 系统填报 关停）。
 */
export default supervisorApproval({
  citation: js(ART.filing, Q_FILING),
  works: ['开设', '补录', '变更', '关停'],
  valid: [
    { name: 'approved change', setup: (k) => cityChange(k, 'dept-weixin') },
    { name: 'approved closure', setup: (k) => void k.get('dept-weixin').events.push(...cityCloseEvents()) },
  ],
  invalid: [
    {
      name: 'closure completed without approval',
      setup: (k) => void k.get('dept-weixin').events.push(...cityCloseEvents().filter((e) => e.type !== '主管审核')),
      errors: [{ account: 'dept-weixin', pointer: ['events', 5], messageIncludes: '关停', messageId: 'missing' }],
    },
    {
      name: 'backfill completed without approval',
      setup: (k) => {
        k.get('zf-weibo').events = [
          { type: '补录备案', date: '2026-04-13', reason: '账号2019年开通，一直未备案，现补录。', unitDecision: { decision: '同意', date: '2026-04-13', by: '主要负责人' } },
          { type: '系统填报', date: '2026-04-15', action: '开设' },
        ];
      },
      errors: [{ account: 'zf-weibo', pointer: ['events', 0], messageIncludes: '补录', messageId: 'missing' }],
    },
  ],
});
