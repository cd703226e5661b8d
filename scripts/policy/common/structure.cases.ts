/**
 * “账号形态”规则工厂的共用用例（只供测试；命令行不加载，不编入 dist/）。
 * The cases every rule built by a structure factory (structure.ts) carries; a rule's cases file
 * (rules/<name>.cases.ts) calls these with the options that shape them and its own cases.
 * Test data only: never loaded by the CLI, not compiled into dist/.
 */
import type { Severity } from '../../core/finding.ts';
import { closeEvents, openEvents, type FixtureKit } from '../../dev/fixture.ts';
import type { RuleCases } from '../../dev/cases.ts';
import type { CaseTables } from './process.cases.ts';
import type { AppCheck } from './structure.ts';

/** The cases every instance of onePerPlatform carries, plus the module's own (valid/invalid). */
export function onePerPlatformCases(o: CaseTables = {}): RuleCases {
  return {
    valid: [
      { name: 'a second account on another platform', setup: (k) => void k.account('dept', { id: 'dept-douyin', name: k.get('dept-weixin').name, platform: '抖音' }) },
      {
        name: 'a second WeChat account with a justification the supervising office approved',
        setup: (k) => {
          const evs = k.get('dept-weixin').events.map((e) => ({ ...e }));
          evs[0]!.justification = '服务号用于办事预约，订阅号用于信息发布，平台功能不同，无法合并。';
          k.account('dept', { id: 'dept-weixin-2', name: k.get('dept-weixin').name + '服务', platform: '微信公众号', events: evs });
        },
      },
      { name: 'a closed second account on the same platform', setup: (k) => void k.account('dept', { id: 'dept-weixin-old', name: k.get('dept-weixin').name, platform: '微信公众号', events: [...openEvents('2020-03-02'), ...closeEvents('2021-03-01')] }) },
      ...(o.valid ?? []),
    ],
    invalid: [
      {
        name: 'a second live WeChat account of the same unit',
        setup: (k) => void k.account('dept', { id: 'dept-weixin-2', name: k.get('dept-weixin').name + '服务', platform: '微信公众号', events: k.get('dept-weixin').events.map((e) => ({ ...e })) }),
        errors: [{ account: 'dept-weixin-2', pointer: ['platform'], messageId: 'second', severity: 'error' }],
      },
      {
        name: 'a second WeChat account whose justification the supervising office has not approved',
        setup: (k) => {
          const evs = k.get('dept-weixin').events.map((e) => ({ ...e }));
          evs[0]!.justification = '服务号用于办事预约，订阅号用于信息发布，平台功能不同，无法合并。';
          k.account('dept', { id: 'dept-weixin-2', name: k.get('dept-weixin').name + '服务', platform: '微信公众号', events: evs.filter((e) => e.type !== '主管审核') });
        },
        errors: [{ account: 'dept-weixin-2', pointer: ['events', 0, 'justification'], messageId: 'unapproved', severity: 'error' }],
      },
      {
        name: 'three live WeChat accounts of one unit, a Douyin account between them: each later one is reported against the first',
        setup: (k) => {
          const first = k.get('dept-weixin');
          k.account('dept', { id: 'dept-douyin', name: first.name, platform: '抖音' });
          for (const n of [2, 3]) k.account('dept', { id: `dept-weixin-${n}`, name: `${first.name}${n}`, platform: '微信公众号', events: first.events.map((e) => ({ ...e })) });
        },
        errors: [2, 3].map((n) => ({ account: `dept-weixin-${n}`, pointer: ['platform'], messageId: 'second', data: { platform: '微信公众号' }, severity: 'error' as Severity })),
      },
      {
        // more accounts than samePlatformGroups compares pairwise (structure.ts PAIRWISE_MAX): grouped through a table, the same findings
        name: 'forty live Douyin accounts of one unit: the 39 opened after the first are reported',
        setup: (k) => {
          const events = k.get('dept-weixin').events;
          for (let n = 1; n <= 40; n++) k.account('dept', { id: `dept-douyin-${String(n).padStart(2, '0')}`, name: `${k.get('dept-weixin').name}抖音${n}`, platform: '抖音', events: events.map((e) => ({ ...e })) });
        },
        errors: Array.from({ length: 39 }, (_, i) => ({ account: `dept-douyin-${String(i + 2).padStart(2, '0')}`, pointer: ['platform'], messageId: 'second', data: { platform: '抖音' }, severity: 'error' as Severity })),
      },
      ...(o.invalid ?? []),
    ],
  };
}

/** The cases every instance of noInternalOrPersonalOwner carries, plus the module's own (valid/invalid). */
export function noInternalOrPersonalOwnerCases(o: CaseTables = {}): RuleCases {
  return {
    valid: [{ name: 'department as certified entity' }, ...(o.valid ?? [])],
    invalid: [
      {
        name: 'internal department runs an account',
        setup: (k) => {
          k.unit(k.getUnit('dept').region, { id: 'dept-ks', name: k.getUnit('dept').name + '宣传科', kind: '内设机构', parent: 'dept' });
          k.account('dept-ks', { id: 'ks-douyin', name: '宣传科抖音', platform: '抖音', certifiedEntity: { name: k.getUnit('dept').name, category: '政府部门' } });
        },
        errors: [{ account: 'ks-douyin', pointer: ['hostUnit'], messageId: 'internalOwner' }],
      },
      {
        name: 'a person as certified entity',
        setup: (k) => void (k.get('dept-weixin').certifiedEntity = { name: '张三（虚构）', category: '个人' }),
        errors: [{ account: 'dept-weixin', pointer: ['certifiedEntity', 'category'], messageId: 'badEntity' }],
      },
      ...(o.invalid ?? []),
    ],
  };
}

/** The cases every instance of consistentNames carries, plus the module's own (valid/invalid). */
export function consistentNamesCases(o: { checkEntity?: boolean; principle?: boolean } & CaseTables = {}): RuleCases {
  return {
    valid: [
      { name: 'same name on WeChat and Douyin', setup: (k) => void k.account('dept', { id: 'dept-douyin', name: k.get('dept-weixin').name, platform: '抖音' }) },
      { name: 'an app may carry another name', setup: (k) => void k.account('dept', { id: 'dept-app', name: k.getUnit('dept').name + '客户端', platform: '移动客户端' }) },
      ...(o.principle
        ? [
            {
              name: 'a different name on Weibo with a justification the supervising office approved (原则上)',
              setup: (k: FixtureKit) => {
                const evs = k.get('dept-weixin').events.map((e) => ({ ...e }));
                evs[0]!.justification = '微博账号沿用开通时的名称，已在认证信息中标明主办单位，粉丝较多，暂不更名。';
                k.account('dept', { id: 'dept-douyin', name: k.get('dept-weixin').name, platform: '抖音' });
                k.account('dept', { id: 'dept-weibo', name: '别的名字', platform: '新浪微博', events: evs });
              },
            },
          ]
        : []),
      ...(o.valid ?? []),
    ],
    invalid: [
      {
        name: 'a different name on Douyin',
        setup: (k) => {
          k.account('dept', { id: 'dept-douyin', name: k.get('dept-weixin').name, platform: '抖音' });
          k.account('dept', { id: 'dept-weibo', name: '别的名字', platform: '新浪微博' });
        },
        errors: [{ account: 'dept-weibo', pointer: ['name'], messageId: 'name' }],
      },
      ...(o.principle
        ? [
            {
              name: 'a different name on Weibo whose justification the supervising office has not approved',
              setup: (k: FixtureKit) => {
                const evs = k.get('dept-weixin').events.map((e) => ({ ...e }));
                evs[0]!.justification = '微博账号沿用开通时的名称，已在认证信息中标明主办单位，粉丝较多，暂不更名。';
                k.account('dept', { id: 'dept-douyin', name: k.get('dept-weixin').name, platform: '抖音' });
                k.account('dept', { id: 'dept-weibo', name: '别的名字', platform: '新浪微博', events: evs.filter((e) => e.type !== '主管审核') });
              },
              errors: [{ account: 'dept-weibo', pointer: ['events', 0, 'justification'], messageId: 'nameUnapproved', severity: 'error' as const }],
            },
          ]
        : [
            {
              name: 'a justification does not excuse a different name where the text says 应 (not 原则上)',
              setup: (k: FixtureKit) => {
                const evs = k.get('dept-weixin').events.map((e) => ({ ...e }));
                evs[0]!.justification = '微博账号沿用开通时的名称，已在认证信息中标明主办单位，粉丝较多，暂不更名。';
                k.account('dept', { id: 'dept-douyin', name: k.get('dept-weixin').name, platform: '抖音' });
                k.account('dept', { id: 'dept-weibo', name: '别的名字', platform: '新浪微博', events: evs });
              },
              errors: [{ account: 'dept-weibo', pointer: ['name'], messageId: 'name' }],
            },
          ]),
      ...(o.checkEntity === false
        ? []
        : [
            {
              name: 'the same name on Douyin, certified to another entity',
              setup: (k: FixtureKit) => {
                k.account('dept', { id: 'dept-douyin', name: k.get('dept-weixin').name, platform: '抖音' });
                k.account('dept', { id: 'dept-weibo', name: k.get('dept-weixin').name, platform: '新浪微博', certifiedEntity: { ...k.get('dept-weixin').certifiedEntity, name: '另一个单位（虚构）' } });
              },
              errors: [{ account: 'dept-weibo', pointer: ['certifiedEntity', 'name'], messageId: 'entity', data: { entity: '另一个单位（虚构）' } }],
            },
          ]),
      ...(o.invalid ?? []),
    ],
  };
}

/** The cases every instance of certificationNamesHost carries, plus the module's own (valid/invalid). */
export function certificationNamesHostCases(o: CaseTables = {}): RuleCases {
  return {
    valid: [{ name: 'names the unit' }, ...(o.valid ?? [])],
    invalid: [
      { name: 'public info without the unit', setup: (k) => void (k.get('dept-weixin').certification = { status: '已认证', publicInfo: '官方账号' }), errors: [{ account: 'dept-weixin', pointer: ['certification', 'publicInfo'], messageId: 'noHost' }] },
      { name: 'certified without public info', setup: (k) => void (k.get('dept-weixin').certification = { status: '已认证' }), errors: [{ account: 'dept-weixin', pointer: ['certification'], messageId: 'missing' }] },
      ...(o.invalid ?? []),
    ],
  };
}

/** The cases every instance of distinctReviewRoles carries, plus the module's own (valid/invalid). */
export function distinctReviewRolesCases(o: { chain?: 'required' | 'reference'; severity?: Severity } & CaseTables = {}): RuleCases {
  const reference = o.chain === 'reference';
  return {
    valid: [{ name: 'three different people' }, ...(o.valid ?? [])],
    invalid: [
      {
        name: 'the editor also gives final approval',
        setup: (k) => void (k.get('dept-weixin').team.review = { editors: ['丁编辑（虚构）'], reviewers: ['丙科长（虚构）'], finalApprovers: ['丁编辑（虚构）'] }),
        errors: [{ account: 'dept-weixin', pointer: ['team', 'review', 'finalApprovers', 0], messageId: 'same' }],
      },
      { name: 'no review chain recorded', setup: (k) => void delete k.get('dept-weixin').team.review, errors: [{ account: 'dept-weixin', pointer: ['team'], messageId: 'missing', severity: reference ? 'notice' : (o.severity ?? 'error') }] },
      ...(o.invalid ?? []),
    ],
  };
}

/** The cases every instance of outsourcing carries, plus the module's own (valid/invalid). */
export function outsourcingCases(o: { requireQualification?: RegExp; requireAgreement?: boolean } & CaseTables = {}): RuleCases {
  const requireAgreement = o.requireAgreement ?? true;
  return {
    valid: [
      { name: 'self-operated' },
      {
        name: 'qualified vendor with agreement',
        setup: (k) => Object.assign(k.get('dept-weixin'), { operatingMode: '购买服务', vendor: { name: '示例传媒有限公司（虚构）', qualifications: ['互联网新闻信息服务许可'], confidentialityAgreement: { signed: true, date: '2025-01-02' } } }),
      },
      ...(o.valid ?? []),
    ],
    invalid: [
      ...(requireAgreement
        ? [{
            name: 'vendor without confidentiality agreement',
            setup: (k: FixtureKit) => Object.assign(k.get('dept-weixin'), { operatingMode: '购买服务', vendor: { name: '示例传媒有限公司（虚构）', qualifications: ['互联网新闻信息服务许可'], confidentialityAgreement: { signed: false } } }),
            errors: [{ account: 'dept-weixin', pointer: ['vendor', 'confidentialityAgreement', 'signed'], messageId: 'noAgreement' }],
          }]
        : []),
      ...(o.requireQualification
        ? [{
            name: 'vendor without news qualification',
            setup: (k: FixtureKit) => Object.assign(k.get('dept-weixin'), { operatingMode: '购买服务', vendor: { name: '示例广告有限公司（虚构）', qualifications: ['广告经营许可'], confidentialityAgreement: { signed: true } } }),
            errors: [{ account: 'dept-weixin', pointer: ['vendor', 'qualifications'], messageId: 'noQualification' }],
          }]
        : []),
      ...(o.invalid ?? []),
    ],
  };
}

/** The cases every instance of appRequirements carries, plus the module's own (valid/invalid). */
export function appRequirementsCases(o: { checks: AppCheck[] } & CaseTables): RuleCases {
  const checks = new Set(o.checks);
  return {
    valid: [
      { name: 'compliant app', setup: (k) => void k.account('zf', { id: 'zf-app', name: k.getUnit('zf').name + '客户端', platform: '移动客户端' }) },
      ...(checks.has('server-in-region')
        ? [{ name: 'servers elsewhere by collective decision', setup: (k: FixtureKit) => void k.account('zf', { id: 'zf-app', name: '客户端', platform: '移动客户端', app: { ipv6: true, agingFriendly: true, accessibility: true, serverLocation: { place: '省政务云', inRegion: false, abroad: false, exceptionDecision: '2025年第3次党组会议决定' } } }) }]
        : []),
      ...(o.valid ?? []),
    ],
    invalid: [
      ...(checks.has('ipv6')
        ? [{ name: 'app without IPv6', setup: (k: FixtureKit) => void k.account('zf', { id: 'zf-app', name: '客户端', platform: '移动客户端', app: { ipv6: false, agingFriendly: true, accessibility: true, serverLocation: { place: '本市政务云', inRegion: true, abroad: false } } }), errors: [{ account: 'zf-app', pointer: ['app', 'ipv6'], messageId: 'ipv6' }] }]
        : []),
      ...(checks.has('aging')
        ? [{ name: 'app not aging-friendly', setup: (k: FixtureKit) => void k.account('zf', { id: 'zf-app', name: '客户端', platform: '移动客户端', app: { ipv6: true, agingFriendly: false, accessibility: true, serverLocation: { place: '本市政务云', inRegion: true, abroad: false } } }), errors: [{ account: 'zf-app', pointer: ['app', 'agingFriendly'], messageId: 'aging' }] }]
        : []),
      ...(checks.has('server-in-region')
        ? [{ name: 'servers outside the city without decision', setup: (k: FixtureKit) => void k.account('zf', { id: 'zf-app', name: '客户端', platform: '移动客户端', app: { ipv6: true, agingFriendly: true, accessibility: true, serverLocation: { place: '某商业云', inRegion: false, abroad: false } } }), errors: [{ account: 'zf-app', pointer: ['app', 'serverLocation', 'inRegion'], messageId: 'serverRegion' }] }]
        : []),
      ...(checks.has('server-not-abroad')
        ? [{ name: 'servers abroad', setup: (k: FixtureKit) => void k.account('zf', { id: 'zf-app', name: '客户端', platform: '移动客户端', app: { ipv6: true, agingFriendly: true, accessibility: true, serverLocation: { place: '境外某机房', inRegion: false, abroad: true } } }), errors: [{ account: 'zf-app', pointer: ['app', 'serverLocation', 'abroad'], messageId: 'serverAbroad' }] }]
        : []),
      ...(o.invalid ?? []),
    ],
  };
}

/** The cases every instance of requiredAccounts carries, plus the module's own (valid/invalid). */
export function requiredAccountsCases(o: CaseTables = {}): RuleCases {
  return {
    valid: [{ name: 'the government runs a Weibo account' }, ...(o.valid ?? [])],
    invalid: [
      { name: 'the government has no account', setup: (k) => k.remove('zf-weibo'), errors: [{ unit: 'zf', pointer: ['kind'] }] },
      ...(o.invalid ?? []),
    ],
  };
}
