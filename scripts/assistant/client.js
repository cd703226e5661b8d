// 备案助手页面脚本（由 scripts/assistant/bundle.ts 用 esbuild 打包，内嵌到 assistant/index.html）。
// 检查用的是与命令行完全相同的模块：登记簿加载与模式校验（scripts/core）、各地管理办法（policies/，
// 经 assistant:policies 静态导入）、工作日日历、下一步期限和备案表模板。页面不发出任何网络请求。
// The assistant page's script: the CLI's own modules, bundled. Nothing is sent anywhere.
import { POLICIES } from 'assistant:policies';
import { isValidDate, todayShanghai } from '../calendar/workdays.ts';
import { policiesFor, regionChain } from '../policy/engine.ts';
import { nextStepsFor } from '../policy/deadlines.ts';
import { formFacts, OWN_FORMS } from '../forms/model.ts';
import { renderHtml } from '../forms/html.ts';
import { genericForm } from '../forms/templates/generic.ts';
import { luanForm } from '../forms/templates/luan.ts';
import { zigongForm } from '../forms/templates/zigong.ts';
import { CATEGORIES, categoryForKind, EVIDENCE_KINDS, FUNCTIONS, HANDOVER_FACTS, PLATFORMS, staleReviewers, SUB_TYPES, teamChanges } from '../scaffold/model.ts';
import { formatLaterSteps, formatSteps, laterStepsFor } from '../scaffold/next-steps.ts';
import { deriveState } from '../core/lifecycle.ts';
import { escHtml } from './escape.ts';
import { editorLink } from './forge.ts';
import { handoverFactsFor, optionalQuestionsFor } from './asks.ts';
import { expandSnapshot, judgeFile, loadSnapshot, TextSource } from './judge.ts';
import { draftAnswers, HANDOVER_FACT_FIELDS, pointersByLine, produce, questionFor, teamOf } from './model.ts';

const $ = (id) => document.getElementById(id);
// the page's questions and results as loaded, before this script fills them in: 清除草稿 starts
// again from a copy of it (start() below), as a reload would, without reloading the page
const PRISTINE = $('main').cloneNode(true);
const DATA = JSON.parse($('assistant-data').textContent);
const SNAP = expandSnapshot(DATA.snapshot);
const FORGE = DATA.forge;
/** Whether the page carries the register's real teams (intranet build); else stand-ins, nothing to reuse. */
const TEAMS = DATA.teams === true;
const params = new URLSearchParams(location.search);
const NOW = isValidDate(params.get('now') ?? '') ? params.get('now') : todayShanghai();
const t = (zh) => zh;

const { register: REG } = loadSnapshot(new TextSource('登记簿', SNAP.files), POLICIES, NOW);

// which build this is: a public page never carries personal data (DESIGN §7), so stand-ins are the default
// (#edition: #mode is the 运营模式 question; two elements with one id made that question always read empty)
$('edition').dataset.mode = TEAMS ? 'intranet' : 'public';
$('edition').textContent = TEAMS
  ? '内网版：本页含登记簿中真实的管理队伍（姓名、电话），可沿用本单位已有的管理队伍；只可发布在能读取登记簿仓库的内网上，不得公开。'
  : '公开版：登记簿中的人员已以“人员N（已隐去）”代替，本页不含任何个人信息；沿用本单位已有的管理队伍只在内网版中提供，请如实填写。';

// ---------------------------------------------------------------- choices from the register

function regionName(regionId) {
  return regionChain(REG, regionId)[0]?.data.name ?? regionId;
}
const unitDirs = new Map(); // unit id → accounts/-relative folder
for (const u of REG.units.values()) unitDirs.set(u.id, u.file.rel.slice('accounts/'.length, -'/unit.json'.length));

function fillSelect(sel, items, placeholder) {
  sel.textContent = '';
  if (placeholder !== undefined) sel.append(new Option(placeholder, ''));
  for (const it of items) sel.append(typeof it === 'string' ? new Option(it, it) : new Option(it.label, it.value));
}

/** Fill in the questions (a fresh copy of the page as loaded): units, platforms, the team's people. */
function fillIn() {
  const sel = $('unit');
  sel.textContent = '';
  sel.append(new Option('（请选择单位）', ''));
  const byRegion = new Map();
  for (const u of REG.units.values()) {
    if (!byRegion.has(u.regionId)) byRegion.set(u.regionId, []);
    byRegion.get(u.regionId).push(u);
  }
  for (const rid of [...byRegion.keys()].sort()) {
    const g = document.createElement('optgroup');
    g.label = regionName(rid) || rid;
    for (const u of byRegion.get(rid).sort((a, b) => a.data.name.localeCompare(b.data.name, 'zh'))) g.append(new Option(u.data.name, u.id));
    sel.append(g);
  }
  fillSelect($('platform'), PLATFORMS);
  fillSelect($('subType'), SUB_TYPES);
  $('subType').value = '订阅号';
  fillSelect($('certCategory'), CATEGORIES);
  $('functions').innerHTML = FUNCTIONS.map((f) => `<label><input type="checkbox" name="functions" value="${escHtml(f)}"${f === '信息发布' ? ' checked' : ''}> ${escHtml(f)}</label>`).join('');

  $('people').innerHTML = ROLES.map(
    ([k, title]) => `<div class="person" id="p-${k}"><h3>${escHtml(title)}</h3><div class="grid">
<div><label for="${k}-name">姓名</label><input id="${k}-name" maxlength="30"></div>
<div><label for="${k}-position">单位及职务</label><input id="${k}-position" maxlength="60"></div>
<div><label for="${k}-office">办公电话</label><input id="${k}-office" inputmode="tel" placeholder="0813-0000001"></div>
<div><label for="${k}-mobile">手机</label><input id="${k}-mobile" inputmode="tel" placeholder="11 位手机号码"></div></div></div>`,
  ).join('');
  // 资料留存: up to three items of kept material, each its kind and where it is kept
  $('evidence-rows').innerHTML = [1, 2, 3]
    .map(
      (i) => `<div><label for="evidence${i}-kind">资料种类（第 ${i} 项）</label><select id="evidence${i}-kind">${EVIDENCE_KINDS.map((k) => `<option>${escHtml(k)}</option>`).join('')}</select></div>
<div><label for="evidence${i}-ref">存放位置（第 ${i} 项）</label><input id="evidence${i}-ref" maxlength="300"></div>`,
    )
    .join('');
  // the handover facts, worded as govmedia change asks them
  for (const q of HANDOVER_FACTS) document.querySelector(`label[for="handover-${q.field}"]`).textContent = q.zh;
  $('date').value = NOW;
  $('decisionDate').value = NOW;
  // 信息报备 edits the team's people: the public build holds stand-ins, not them
  if (!TEAMS) {
    document.querySelector('input[name=action][value=报备]').disabled = true;
    $('report-choice').append('（公开版不含人员信息：请用内网版或命令行 govmedia change 办理）');
  }
}

const ROLES = [
  ['principal', '主要负责人（第一责任人）', true],
  ['inCharge', '分管负责人（直接责任人）', true],
  ['sectionHead', '科室负责人', false],
  ['operator1', '经办人员', true],
  ['operator2', '经办人员（第二位，可留空）', false],
];

// ---------------------------------------------------------------- what the jurisdiction asks

/** The policies in force for a region, and the form it files on (what is asked: see asks()). */
function jurisdiction(regionId) {
  const ps = policiesFor(REG, POLICIES, regionId, NOW);
  const series = ps.map((p) => p.series);
  // the jurisdiction's own form where the repository has one (scripts/forms), else the generic form
  const own = series.map((s) => OWN_FORMS[s]).find(Boolean);
  const form = own === 'zigong' ? '自贡市政务新媒体开设/关停/信息变更备案表（附件1—3）' : own === 'luan' ? '六安市政务新媒体备案登记表' : '政务新媒体备案表（通用）';
  return { policies: ps, form, docs: ps.map((p) => p.manifest.docNumber) };
}

function action() {
  return document.querySelector('input[name=action]:checked').value;
}
function unit() {
  return REG.units.get($('unit').value);
}

function liveAccounts(u) {
  return (REG.accountsByUnit.get(u.id) ?? []).filter((a) => !deriveState(a.data).closing);
}

/** The optional questions the jurisdiction's rules need for a new account of the unit (asks.ts), per unit. */
const asksCache = new Map();
function asks(u) {
  if (!asksCache.has(u.id)) asksCache.set(u.id, optionalQuestionsFor(SNAP, POLICIES, u.data, unitDirs.get(u.id), NOW, (id) => REG.accountsById.has(id)));
  return asksCache.get(u.id);
}

/** The handover facts a rule of the account's region judges (asks.ts handoverFactsFor), per account. */
const handoverCache = new Map();
function handoverFacts(u, acc) {
  if (!handoverCache.has(acc.id)) handoverCache.set(acc.id, handoverFactsFor(SNAP, POLICIES, u.data, unitDirs.get(u.id), { rel: acc.file.rel, data: acc.data }, NOW));
  return handoverCache.get(acc.id);
}

/** 变更: the handover part — the account's operators to choose the leaver from, and the facts its region asks. */
function refreshHandover(u) {
  const on = action() === '变更' && $('handover').checked;
  $('handover-box').hidden = !on;
  const acc = REG.accountsById.get($('account').value);
  const sel = $('handoverLeaving');
  if (sel.dataset.account !== (acc?.id ?? '')) {
    const keep = sel.value;
    // with the position: on the public build the names are stand-ins, and the post tells who leaves
    fillSelect(sel, (acc?.data.team?.operators ?? []).map((p, i) => ({ value: String(i), label: `${p.name}（${p.position}）` })));
    if ([...sel.options].some((o) => o.value === keep)) sel.value = keep;
    sel.dataset.account = acc?.id ?? '';
  }
  const facts = on && u && acc?.data.team ? handoverFacts(u, acc) : new Set();
  for (const f of HANDOVER_FACT_FIELDS) $(`fact-${f}`).hidden = !facts.has(f);
  $('wizard').dataset.handoverAsks = [...facts].sort().join(' ');
}

function refreshVisibility() {
  const act = action();
  const u = unit();
  const isNew = act === '开设' || act === '补录';
  const isRecord = act === '记录';
  const isReport = act === '报备';
  for (const el of document.querySelectorAll('.new-only')) el.hidden = !isNew;
  // 信息报备: the team and review questions, holding the account's team (prefillTeam); nothing to reuse
  if (isReport) {
    $('q-team').hidden = false;
    $('q-review').hidden = false;
    $('reuse-box').hidden = true;
  }
  $('q-change').hidden = act !== '变更';
  $('q-handover').hidden = act !== '变更';
  // 记录 (govmedia record): not a filing — no reason and no unit decision, only the date and the record's own facts
  $('q-record').hidden = !isRecord;
  $('password-box').hidden = $('recordType').value !== '密码更换';
  $('evidence-box').hidden = $('recordType').value !== '资料留存';
  $('q-decision').hidden = isRecord || isReport;
  $('reason-box').hidden = isRecord;
  $('date-label').textContent = isRecord || isReport ? '日期（YYYY-MM-DD）' : '备案日期（YYYY-MM-DD）';
  refreshHandover(u);
  $('q-account').hidden = isNew;
  $('paste-box').hidden = TEAMS || isNew || !$('account').value;
  for (const el of document.querySelectorAll('.backfill-only')) el.hidden = act !== '补录';
  $('subType-box').hidden = $('platform').value !== '微信公众号';
  $('q-app').hidden = !isNew || $('platform').value !== '移动客户端';
  $('vendor-box').hidden = $('mode').value !== '购买服务';
  $('filing-title').textContent = isRecord ? `${$('recordType').value}记录` : isReport ? '信息报备' : `${act}备案`;
  $('reason-label').textContent = isReport ? '说明（可留空）' : act === '开设' ? '开办理由（开办的必要性、信息发布来源和更新保障机制）' : act === '补录' ? '补录理由（为什么开通后未备案、为什么确需保留）' : act === '变更' ? '变更原因' : '关停原因（例如：功能相近整合、关注度低、无力维护）';
  if (u) {
    const j = jurisdiction(u.regionId);
    $('unit-info').textContent = `所在地区：${regionName(u.regionId)}；适用：${j.docs.join('、') || '（本地区尚未绑定管理办法）'}；备案表：${j.form}`;
    // questions that do not apply to this jurisdiction are not asked: those no rule in force needs
    if (isNew) {
      const q = asks(u);
      for (const el of document.querySelectorAll('.final-only')) el.hidden = !q.has('finalApprovers');
      $('functions-box').hidden = !q.has('functions');
      $('p-sectionHead').hidden = !q.has('sectionHead');
      $('agreement-box').hidden = !q.has('vendorAgreement');
      $('wizard').dataset.asks = [...q].sort().join(' ');
    } else if (isReport) {
      // the roles the account has, and those its jurisdiction asks of a new account
      const q = asks(u);
      const team = REG.accountsById.get($('account').value)?.data.team;
      for (const el of document.querySelectorAll('.final-only')) el.hidden = !(q.has('finalApprovers') || team?.review?.finalApprovers?.length);
      $('p-sectionHead').hidden = !(q.has('sectionHead') || team?.sectionHead);
    }
  } else $('unit-info').textContent = '';
}

function onUnitChange() {
  const u = unit();
  if (!u) return;
  // account choices (change/close) and the team to reuse
  const accs = (REG.accountsByUnit.get(u.id) ?? []).slice().sort((a, b) => a.id.localeCompare(b.id));
  fillSelect($('account'), accs.filter((a) => !deriveState(a.data).closed).map((a) => ({ value: a.id, label: `${a.data.name}（${a.data.platform}）${deriveState(a.data).closing ? '·关停中' : ''}` })), '（请选择账号）');
  const withTeam = liveAccounts(u);
  fillSelect($('teamFrom'), withTeam.map((a) => ({ value: a.id, label: `${a.data.name}（${a.data.platform}）的管理队伍` })), '（不沿用，重新填写）');
  $('reuse-box').hidden = !TEAMS || withTeam.length === 0;
  const name = u.data.name;
  for (const id of ['certName', 'operatingUnit']) if (!$(id).dataset.touched) $(id).value = name;
  if (!$('certCategory').dataset.touched) $('certCategory').value = categoryForKind(u.data.kind);
  if (!$('publicInfo').dataset.touched) $('publicInfo').value = name;
  refreshVisibility();
}

function reuseTeam() {
  const a = REG.accountsById.get($('teamFrom').value);
  if (!a) return;
  fillTeam(a.data.team);
  touch('team');
  touch('review');
}

/** 信息报备: the chosen account's team as it is now, to edit (again only when another account is chosen). */
function prefillTeam() {
  const acc = REG.accountsById.get($('account').value);
  if (!acc?.data.team || $('people').dataset.from === acc.id) return;
  fillTeam(acc.data.team);
  $('people').dataset.from = acc.id;
}

/** Put a team into the team and review questions. */
function fillTeam(team) {
  const put = (k, p) => {
    $(`${k}-name`).value = p?.name ?? '';
    $(`${k}-position`).value = p?.position ?? '';
    $(`${k}-office`).value = p?.officePhone ?? '';
    $(`${k}-mobile`).value = p?.mobile ?? '';
  };
  put('principal', team.principal);
  put('inCharge', team.inCharge);
  put('sectionHead', team.sectionHead);
  put('operator1', team.operators[0]);
  put('operator2', team.operators[1]);
  $('editors').value = (team.review?.editors ?? []).join('、');
  $('reviewers').value = (team.review?.reviewers ?? []).join('、');
  $('finalApprovers').value = (team.review?.finalApprovers ?? []).join('、');
}

// ---------------------------------------------------------------- answers → file → judgement

const list = (s) => s.split(/[、,，;；\s]+/).map((x) => x.trim()).filter(Boolean);
const val = (id) => $(id).value.trim();
const personAt = (k) => ({ name: val(`${k}-name`), position: val(`${k}-position`), officePhone: val(`${k}-office`), mobile: val(`${k}-mobile`) });

/** The team and review questions' answers (the roles not asked are left out). */
function teamAnswer(ops) {
  return {
    principal: personAt('principal'),
    inCharge: personAt('inCharge'),
    ...($('p-sectionHead').hidden ? {} : { sectionHead: personAt('sectionHead') }),
    operators: ops,
    editors: list($('editors').value),
    reviewers: list($('reviewers').value),
    finalApprovers: $('finalApprovers').closest('.final-only').hidden ? [] : list($('finalApprovers').value),
  };
}

function answers() {
  const u = unit();
  const act = action();
  const acc = REG.accountsById.get($('account').value);
  const ops = [personAt('operator1'), personAt('operator2')].filter((p, i) => i === 0 || p.name);
  const a = {
    action: act,
    unitDir: u ? unitDirs.get(u.id) : '',
    date: val('date'),
    reason: $('reason').value,
    decision: $('decision').value,
    decisionBy: val('decisionBy'),
    decisionDate: val('decisionDate'),
  };
  // written only where a rule of the jurisdiction calls for it (judge() decides)
  a.justification = $('justification').value;
  if (act === '报备') {
    if (acc) a.accountRel = acc.file.rel;
    a.team = teamAnswer(ops);
    return a;
  }
  if (act === '变更' || act === '关停' || act === '记录') {
    if (acc) a.accountRel = acc.file.rel;
    if (act === '记录') {
      const type = $('recordType').value;
      a.record =
        type === '密码更换'
          ? { type, attestedBy: val('attestedBy') }
          : { type, stage: $('stage').value, evidence: [1, 2, 3].map((i) => ({ kind: $(`evidence${i}-kind`).value, ref: val(`evidence${i}-ref`) })).filter((e) => e.ref) };
    }
    if (act === '变更') Object.assign(a, { newName: val('newName'), newCertName: val('newCertName'), newOperatingUnit: val('newOperatingUnit'), stillSupervised: $('stillSupervised').checked });
    if (act === '变更' && $('handover').checked) {
      const h = { leaving: Number($('handoverLeaving').value || 0), incoming: personAt('incoming'), credentialsRotated: $('handoverRotated').checked };
      // asked only where the region's rules judge the fact; not asked, not recorded
      for (const f of HANDOVER_FACT_FIELDS) if (!$(`fact-${f}`).hidden && $(`handover-${f}`).value) h[f] = $(`handover-${f}`).value === 'true';
      a.handover = h;
    }
    return a;
  }
  Object.assign(a, {
    platform: $('platform').value,
    subType: $('subType').value,
    name: val('name'),
    platformAccountId: val('platformAccountId'),
    homepage: val('homepage'),
    certName: val('certName'),
    certCategory: $('certCategory').value,
    operatingUnit: val('operatingUnit'),
    mode: $('mode').value,
    contentType: $('contentType').value,
    team: teamAnswer(ops),
  });
  if (!$('functions-box').hidden) a.functions = [...document.querySelectorAll('input[name=functions]:checked')].map((x) => x.value);
  // the agreement only where the jurisdiction asks for it (left empty there: not signed)
  if (a.mode === '购买服务') Object.assign(a, { vendorName: val('vendorName'), vendorQualification: val('vendorQualification'), ...($('agreement-box').hidden ? {} : { vendorAgreementDate: val('vendorAgreementDate') }) });
  if (a.platform === '移动客户端') a.app = { place: val('appPlace'), inRegion: $('appInRegion').checked, abroad: $('appAbroad').checked, ipv6: $('appIpv6').checked, agingFriendly: $('appAging').checked, accessibility: $('appAccess').checked };
  if (act === '补录') Object.assign(a, { opened: val('opened'), certStatus: $('certStatus').value, publicInfo: val('publicInfo') });
  return a;
}

/** Problems the page finds before the engine can judge (nothing chosen yet). */
function precheck(a) {
  const out = [];
  if (!unit()) out.push(['unit', '请先从登记簿中选择主办单位']);
  if ((a.action === '变更' || a.action === '关停' || a.action === '记录' || a.action === '报备') && !a.accountRel) out.push(['account', '请选择要办理的账号']);
  if (a.record?.type === '密码更换' && !a.record.attestedBy) out.push(['record', '请填写确认人的职务（不写姓名，绝不写密码）']);
  if (a.record?.type === '资料留存' && !a.record.evidence.length) out.push(['record', '请至少填写一项资料的存放位置（档案号或网址）']);
  if (a.action === '报备') {
    const acc = REG.accountsById.get($('account').value);
    const team = acc?.data.team;
    if (acc && !team) out.push(['account', '该账号是补录的存量账号，管理队伍尚未登记（见 unknown）：请先在账号文件中补登记管理队伍，再办理信息报备']);
    else if (team && team.operators.length > 2) out.push(['team', `该账号登记了 ${team.operators.length} 名经办人员，本页最多填写 2 名：请用命令行 govmedia change 办理信息报备`]);
    else if (team && a.team) {
      // the same refusals as govmedia change: a leaver goes through the handover, nothing changed is nothing to report
      const after = teamOf(a.team);
      const { changes, operatorLeft } = teamChanges(team, after);
      if (operatorLeft) out.push(['team', '有经办人员离岗：请改选“变更备案”，勾选“经办人员离岗交接”办理（记录交接，并更换账号登录口令）']);
      else if (!changes.length) out.push(['team', '填写的人员、职务和电话与现有记录相同，没有要报备的调整']);
      const gone = staleReviewers(after);
      if (gone.length) out.push(['review', `审核分工中的“${gone.join('、')}”已不在管理队伍中：请重新指定`]);
    }
  }
  // 公开版: an existing account's file is written on its pasted current content (pastedCurrent); without it
  // the rules still judge (the snapshot), only the output waits: the third element says so
  const current = a.accountRel && !TEAMS ? REG.accountsById.get($('account').value) : undefined;
  const paste = current ? pastedCurrent(current) : undefined;
  if (paste?.problem) out.push(['account', paste.problem, 'output']);
  if (a.action !== '记录' && a.action !== '报备' && !a.decision) out.push(['decision', '请选择单位意见（同意或不同意）：须由主要负责人同意或集体研究，本页不替您填写']);
  if (a.handover) {
    const acc = REG.accountsById.get($('account').value);
    if (acc && !acc.data.team) out.push(['handover', '该账号是补录的存量账号，管理队伍尚未登记：请先补登记管理队伍，再办理人员交接']);
    if (!a.handover.incoming.name || !a.handover.incoming.position) out.push(['handover', '请填写接手的经办人员的姓名和职务']);
    for (const q of HANDOVER_FACTS) if (!$(`fact-${q.field}`).hidden && a.handover[q.field] === undefined) out.push(['handover', `请回答：${q.zh}`]);
  }
  return out;
}

const touched = new Set();
function touch(q) {
  touched.add(q);
}

let last; // { produced, judgement }

function findingHtml(f, refused, justification) {
  // the words follow the severity: only an error says 不能 (a refused warning needs the supervisor's exception first);
  // 原则上: a missing justification says it can be given, a written one that it awaits the supervising office
  const sev = justification === 'awaiting' ? '待主管单位审核同意例外理由' : justification === 'missing' ? '不能提交（确有理由的，可在“例外理由”中写明）' : f.severity === 'error' ? '不能提交' : refused ? '须先经主管单位批准例外（本助手暂不生成）' : f.severity === 'warning' ? '需要主管单位注意' : '提示';
  const cite = f.citation ? `${f.citation.doc} ${f.citation.article}` : '';
  return `<div class="finding ${justification === 'awaiting' ? 'warning' : refused ? 'error' : escHtml(f.severity)}"${justification ? ` data-justification="${escHtml(justification)}"` : ''} data-rule="${escHtml(f.ruleId)}" data-severity="${escHtml(f.severity)}"><span class="sev">${escHtml(sev)}：</span>${escHtml(f.message.zh)}${cite ? `<span class="cite">依据：${escHtml(cite)}（${escHtml(f.ruleId)}）</span>` : `<span class="cite">（${escHtml(f.ruleId)}）</span>`}${f.fix?.zh ? `<span class="fix">怎么改：${escHtml(f.fix.zh)}</span>` : ''}</div>`;
}

function judge(showAll) {
  const a = answers();
  for (const el of document.querySelectorAll('.findings')) el.innerHTML = '';
  for (const el of document.querySelectorAll('.q.bad')) el.classList.remove('bad');
  const pre = precheck(a);
  const put = (q, html) => {
    let box = document.querySelector(`.findings[data-for="${q}"]`);
    // a question this work does not ask (e.g. the change question for a 信息报备): shown with the date
    if (box?.closest('.q').hidden) box = document.querySelector('.findings[data-for="filing"]');
    if (!box) return;
    box.insertAdjacentHTML('beforeend', html);
    box.closest('.q').classList.add('bad');
  };
  for (const [q, msg] of pre) if (showAll || touched.has(q)) put(q, `<div class="finding error"><span class="sev">请填写：</span>${escHtml(msg)}</div>`);
  // without a unit (or the account to change) there is nothing to judge yet
  // an unanswered handover question stops the output too (asked, so answered: never recorded as unknown by default)
  if (pre.some(([q, , only]) => (only === 'output' ? showAll : q === 'unit' || q === 'account') || (showAll && (q === 'handover' || q === 'record' || (a.action === '报备' && (q === 'team' || q === 'review')))))) {
    last = undefined;
    return undefined;
  }
  const u = unit();
  const before = a.accountRel ? REG.accountsById.get($('account').value)?.data : undefined;
  // while the clerk types, unanswered questions get stand-ins so the rules can judge the rest
  const base = showAll ? a : draftAnswers(a, NOW, u.data.name);
  const typed = (a.justification ?? '').trim();
  const make = (withJustification, text = typed) => {
    const ans = { ...base, justification: withJustification ? text : '' };
    const p = produce(ans, u.data, before, (id) => REG.accountsById.has(id));
    return { produced: p, ans, j: judgeFile(SNAP, POLICIES, { rel: p.rel, text: p.text, after: p.account, ...(p.before ? { before: p.before } : {}), id: p.account.id }, NOW) };
  };
  let r;
  let needs = [];
  try {
    r = make(false);
    // 原则上: asked only where a rule of the jurisdiction finds a missing justification this filing could record
    const filing = r.produced.account.events.slice(before ? before.events.length : 0).find((e) => FILINGS.includes(e.type));
    needs = filing ? r.j.justifiable.filter((n) => n.filings.includes(filing.type)) : [];
    // 记录: a late password change (原则上, 六安 第三十二条（一）) is probed with the real rules, as govmedia record
    // does: the findings a written reason lifts are the ones the justification question is for
    if (a.record?.type === '密码更换' && r.j.blocking.length) {
      const probe = make(true, '（理由）').j.blocking;
      needs = r.j.blocking.filter((f) => !probe.some((g) => g.ruleId === f.ruleId && g.message.zh === f.message.zh)).map((finding) => ({ finding, filings: [] }));
    }
    if (needs.length && typed) r = make(true);
  } catch (e) {
    put('account', `<div class="finding error">${escHtml(String(e.message ?? e))}</div>`);
    return undefined;
  }
  showJustification(needs, typed, a.action === '记录');
  const { produced, j } = r;
  const lines = pointersByLine(produced.text);
  const kindOf = (f) => (j.awaiting.includes(f) ? 'awaiting' : needs.some((n) => n.finding === f) ? 'missing' : undefined);
  for (const f of j.introduced) {
    const q = questionFor(f, produced, lines);
    // a refusal shows at the question that causes it once that question is answered
    if (showAll || touched.has(q)) put(q, findingHtml(f, j.blocking.includes(f), kindOf(f)));
  }
  last = { produced, judgement: j, kindOf, answers: r.ans, output: produced.text };
  return last;
}

const FILINGS = ['开设备案', '补录备案', '变更备案', '关停备案'];

/**
 * 公开版: the snapshot's people are stand-ins, so the page cannot write an existing account's whole
 * file itself (it would replace the real team with stand-ins). The clerk pastes the file's current
 * content from the forge, and the output is written on it; the judgement still runs on the snapshot,
 * whose stand-ins judge alike. The paste must be that account's current version: the same id, name
 * and platform, and the same events (type and date, in order). Returns { doc } or { problem }.
 */
function pastedCurrent(acc) {
  const text = $('currentFile').value.trim();
  if (!text) return { problem: '请粘贴该账号文件在代码托管平台上的当前全部内容（公开版不含人员信息，不能自行写出完整的文件）' };
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    return { problem: '粘贴的内容不是完整的 JSON 文件：请在代码托管平台上打开该文件，全选并复制全部内容后重新粘贴' };
  }
  const cur = acc.data;
  const same =
    doc !== null && typeof doc === 'object' && !Array.isArray(doc) && doc.id === cur.id && doc.name === cur.name && doc.platform === cur.platform && Array.isArray(doc.events) && doc.events.length === cur.events.length &&
    doc.events.every((e, i) => e !== null && typeof e === 'object' && e.type === cur.events[i].type && e.date === cur.events[i].date);
  if (!same) return { problem: `粘贴的内容不是账号“${cur.name}”（${cur.id}）在登记簿中的当前版本：请打开 ${acc.file.rel}，复制全部内容后重新粘贴` };
  return { doc };
}

/** The justification question: shown where a 原则上 rule calls for one (or where one was typed, to say it is not needed). */
function showJustification(needs, typed, isRecord) {
  const box = $('q-justification');
  box.hidden = !needs.length && !typed;
  box.dataset.rules = [...new Set(needs.map((n) => n.finding.ruleId))].sort().join(' ');
  const cites = [...new Set(needs.map((n) => (n.finding.citation ? `${n.finding.citation.doc} ${n.finding.citation.article}` : n.finding.ruleId)))].join('、');
  $('justification-hint').textContent = needs.length && isRecord
    ? `按“原则上”条款（${cites}），这样记录本不能提交；确有原因未能按期更换的，请在下面写明例外理由。理由写入“密码更换”事件，由主管单位在合并请求的评审中审核同意：合并请求因此须经主管单位批准。`
    : needs.length
    ? `按“原则上”条款（${cites}），这样办理本不能提交；确有理由的，请在下面写明例外理由。理由写入备案事件，须经主管单位在评审中审核同意方可成立：合并请求因此须经主管单位批准，主管单位同意（在账号文件中追加“主管审核”事件，decision 为“同意”）之前，自动检查会报告“主管单位尚未审核同意”。`
    : '本次办理没有需要例外理由的“原则上”条款：所填理由不会写入账号文件。';
}

let timer;
function scheduleJudge() {
  clearTimeout(timer);
  timer = setTimeout(() => judge(false), 250);
}

// ---------------------------------------------------------------- output

function produceOutput() {
  const r = judge(true);
  $('result').hidden = false;
  const v = $('verdict');
  if (!r) {
    v.className = 'verdict fail';
    v.dataset.verdict = 'incomplete';
    v.innerHTML = '<p class="title">还有问题没有回答</p><p>请按各问题下方的提示填写后再生成。</p>';
    $('output').hidden = true;
    $('all-findings').innerHTML = '';
    document.querySelector('.q.bad')?.scrollIntoView({ block: 'center' });
    return;
  }
  const { produced, judgement: j, kindOf } = r;
  const ci = j.errors.length ? 'fail' : 'pass';
  const refused = [...new Set([...j.errors, ...j.warnings, ...j.blocking].map((f) => f.ruleId))].sort();
  v.dataset.verdict = ci;
  v.dataset.rules = refused.join(' ');
  v.dataset.blocking = [...new Set(j.blocking.map((f) => f.ruleId))].sort().join(' ');
  v.dataset.awaiting = [...new Set(j.awaiting.map((f) => f.ruleId))].sort().join(' ');
  $('all-findings').innerHTML = j.introduced.map((f) => findingHtml(f, j.blocking.includes(f), kindOf(f))).join('');
  if (j.blocking.length) {
    v.className = 'verdict fail';
    v.innerHTML = ci === 'fail'
      ? `<p class="title">不能提交：有 ${j.errors.length} 处错误</p><p>合并请求的自动检查预计：不通过。请按各问题下方的提示修改。</p>`
      : `<p class="title">暂不生成：有 ${j.blocking.length} 处须先经主管单位批准例外</p><p>合并请求的自动检查预计：通过（只有警告）；但办法对此有禁止性规定，本助手按命令行向导的做法，须先经主管单位批准例外再办理。请按各问题下方的提示修改。</p>`;
    $('output').hidden = true;
    document.querySelector('.q.bad')?.scrollIntoView({ block: 'center' });
    return;
  }
  // the public build: an existing account's file is written on the content the clerk pasted (pastedCurrent;
  // judge() has checked it is that account's current version)
  let text = produced.text;
  if (!TEAMS && produced.exists) {
    let out;
    try {
      out = produce(r.answers, unit().data, pastedCurrent(REG.accountsById.get($('account').value)).doc, (id) => REG.accountsById.has(id)).text;
    } catch {
      /* a pasted file of a shape the answers cannot be written on */
    }
    if (out === undefined) {
      const box = document.querySelector('.findings[data-for="account"]');
      box.insertAdjacentHTML('beforeend', `<div class="finding error"><span class="sev">请填写：</span>${escHtml('无法在粘贴的内容上写出修改后的文件：请在代码托管平台上打开该文件，复制全部内容后重新粘贴')}</div>`);
      box.closest('.q').classList.add('bad');
      v.className = 'verdict fail';
      v.dataset.verdict = 'incomplete';
      v.innerHTML = '<p class="title">无法在粘贴的内容上写出修改后的文件</p><p>请按“账号”问题下方的提示重新粘贴后再生成。</p>';
      $('output').hidden = true;
      $('q-account').scrollIntoView({ block: 'center' });
      return;
    }
    text = out;
    last.output = text;
  }
  v.className = 'verdict pass';
  // a record or a 信息报备 is not a filing: no filing form, and the supervising office is asked only for a written reason
  const notFiling = action() === '记录' || action() === '报备';
  const justified = notFiling && produced.account.events.at(-1)?.justification !== undefined;
  v.innerHTML = notFiling
    ? `<p class="title">可以提交：合并请求的自动检查预计通过${j.warnings.length ? `（另有 ${j.warnings.length} 条提醒）` : ''}</p><p>${justified ? '已写明未按期更换的例外理由：合并请求须经主管单位在评审中审核同意。' : '合并前须经登记簿规定的评审批准。'}</p>`
    : j.awaiting.length
    ? `<p class="title">可以提交：已写明例外理由，须经主管单位在评审中审核同意</p><p>合并请求会因此要求主管单位审批。主管单位同意这一理由（在本文件追加“主管审核”事件，decision 为“同意”）之前，自动检查会报告 ${j.awaiting.length} 处“主管单位尚未审核同意”，预计：不通过${j.warnings.length ? `；另有 ${j.warnings.length} 条提醒` : ''}。</p>`
    : `<p class="title">可以提交：合并请求的自动检查预计通过${j.warnings.length ? `（另有 ${j.warnings.length} 条提醒，评审时由主管单位确认）` : ''}</p><p>合并前须取得主办单位和主管单位在评审中的批准。</p>`;

  $('output').hidden = false;
  // next steps on the official calendar (the same helpers as the CLI)
  const doc = j.after.accountsById.get(produced.account.id);
  const steps = doc ? formatSteps(nextStepsFor(doc, j.after, POLICIES, NOW), t) : [];
  const later = doc ? formatLaterSteps(laterStepsFor(doc, j.after, POLICIES, NOW), NOW, t) : [];
  const intro = FORGE ? '在代码托管平台上提交本文件（下方按钮），发起合并请求（PR），由主管单位在评审中审核。' : `把本文件交给本单位负责登记簿的同事，或在代码托管平台上${produced.exists ? '编辑该文件（全选后粘贴替换原有内容）' : '新建该文件'}并发起合并请求（PR）。`;
  $('steps').innerHTML = [intro, ...(notFiling ? [] : ['打印下方的备案表，经单位负责人签字盖章后按规定报送；']), ...steps, ...later].map((s) => `<li>${escHtml(s)}</li>`).join('');
  $('path-line').innerHTML = `文件位置：<code>${escHtml(produced.rel)}</code>（${produced.exists ? '修改已有文件：请在编辑器中全选后粘贴替换' : '新文件'}）`;
  $('file').textContent = text;
  $('file').dataset.path = produced.rel;
  const link = $('editor-link');
  if (FORGE) {
    const l = editorLink(FORGE, produced.rel, text, produced.exists);
    link.href = l.href;
    link.hidden = false;
    link.dataset.prefilled = l.prefilled ? '1' : '0';
    link.textContent = produced.exists ? '在代码托管平台上编辑该文件（先复制内容）' : l.prefilled ? '在代码托管平台上新建该文件' : '在代码托管平台上新建该文件（先复制内容）';
    const paste = '选择“新建分支并发起合并请求”。';
    $('forge-line').textContent = l.prefilled
      ? `打开后文件名和内容已填好：填写提交说明，${paste}`
      : l.why === 'exists'
        ? `先点“复制文件内容”；打开后在编辑器中全选，粘贴替换原有内容，${paste}`
        : l.why === 'too-long'
          ? `文件内容较长，链接带不下（超过代码托管平台前端代理允许的长度）：先点“复制文件内容”，打开后文件名已填好，把内容粘贴进编辑器（或上传下载的文件），${paste}`
          : `该平台不从链接带入文件内容：先点“复制文件内容”，打开后文件名已填好，把内容粘贴进编辑器，${paste}`;
  } else {
    link.hidden = true;
    $('forge-line').textContent = '维护者尚未在 site.config.json 中设置代码托管平台，请使用下载或复制。';
  }
  // the filing form, printable (a record or a 信息报备 has none)
  $('form-box').hidden = notFiling;
  $('print').hidden = notFiling;
  if (notFiling) {
    $('form-frame').srcdoc = '';
    delete $('form-frame').dataset.template;
  } else {
    try {
      // the public build's snapshot holds stand-ins: the form of an existing account is filled from the file written above
      const reg = !TEAMS && produced.exists ? loadSnapshot(new TextSource('登记簿', { ...SNAP.files, [produced.rel]: text }), POLICIES, NOW).register : j.after;
      const facts = formFacts(reg, POLICIES, produced.account.id);
      const form = facts.template === 'zigong' ? zigongForm(facts) : facts.template === 'luan' ? luanForm(facts) : genericForm(facts);
      $('form-frame').srcdoc = renderHtml(form, { source: produced.rel });
      $('form-frame').dataset.template = facts.template;
    } catch (e) {
      $('form-frame').srcdoc = `<p>${escHtml(String(e.message ?? e))}</p>`;
    }
  }
  v.scrollIntoView({ block: 'start' });
}

async function copyFile() {
  const text = $('file').textContent;
  try {
    await navigator.clipboard.writeText(text);
    $('copy-status').textContent = '已复制到剪贴板。';
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    document.body.append(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    $('copy-status').textContent = ok ? '已复制到剪贴板。' : '无法自动复制：请展开“账号文件内容”手动选择复制。';
  }
}
function downloadFile() {
  if (!last) return;
  const blob = new Blob([last.output], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = last.produced.rel.slice(last.produced.rel.lastIndexOf('/') + 1);
  document.body.append(a);
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(a.href);
    a.remove();
  }, 0);
}

// ---------------------------------------------------------------- wiring

const QUESTION_OF_INPUT = (el) => {
  const sec = el.closest('.q');
  return sec ? sec.id.slice(2) : undefined;
};
function onInput(e) {
  const q = QUESTION_OF_INPUT(e.target);
  if (q) touch(q);
  if (e.target.id) e.target.dataset.touched = '1';
  if (e.target.name === 'action' || e.target.id === 'platform' || e.target.id === 'mode') refreshVisibility();
  scheduleJudge();
}
function onChange(e) {
  const q = QUESTION_OF_INPUT(e.target);
  if (q) touch(q);
  if (e.target.id === 'unit') onUnitChange();
  if (e.target.id === 'teamFrom') reuseTeam();
  refreshVisibility();
  if ((e.target.id === 'account' || e.target.name === 'action') && action() === '报备') prefillTeam();
  scheduleJudge();
}

/** The page's buttons and questions, wired (a fresh copy of the page as loaded). */
function wire() {
  $('copy').addEventListener('click', copyFile);
  $('download').addEventListener('click', downloadFile);
  $('print').addEventListener('click', () => $('form-frame').contentWindow?.print());
  $('wizard').addEventListener('input', onInput);
  $('wizard').addEventListener('change', onChange);
  $('produce').addEventListener('click', produceOutput);
  // the draft is saved after the page has taken the answer in (the listeners above first)
  $('wizard').addEventListener('input', scheduleSave);
  $('wizard').addEventListener('change', scheduleSave);
  $('clear-draft').addEventListener('click', clearDraft);
}

// ---------------------------------------------------------------- the draft, kept in this browser

/**
 * The answers are kept in this browser's localStorage as they are typed, so a reload or a closed
 * tab loses nothing; nothing is sent anywhere. “清除草稿” removes them (and starts afresh).
 */
const DRAFT_KEY = `govmedia-assistant-draft:${location.pathname}`;
let saveTimer;

function draftOfPage() {
  const d = { v: 1, action: action(), fields: {}, checks: {}, touched: [...touched], typed: [] };
  for (const el of $('wizard').querySelectorAll('input, select, textarea')) {
    // the pasted current file (public build) holds the register's people: never kept in the draft
    if (el.type === 'radio' || el.id === 'currentFile') continue;
    const k = el.id || (el.name ? `${el.name}:${el.value}` : '');
    if (!k) continue;
    if (el.type === 'checkbox') d.checks[k] = el.checked;
    else d.fields[k] = el.value;
    if (el.dataset.touched) d.typed.push(k);
  }
  return d;
}

function saveDraft() {
  clearTimeout(saveTimer);
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(draftOfPage()));
    $('draft-status').textContent = '草稿已保存在本浏览器中。';
  } catch {
    $('draft-status').textContent = '本浏览器不允许保存草稿：刷新页面会丢失已填写的内容。';
  }
}
function scheduleSave() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveDraft, 300);
}

function restoreDraft() {
  let d;
  try {
    d = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null');
  } catch {
    return false;
  }
  if (!d || d.v !== 1 || typeof d.fields !== 'object') return false;
  const radio = document.querySelector(`input[name=action][value="${CSS.escape(String(d.action))}"]`);
  if (radio) radio.checked = true;
  $('unit').value = String(d.fields.unit ?? '');
  onUnitChange();
  const byKey = (k) => (k.includes(':') ? document.querySelector(`input[name="${CSS.escape(k.slice(0, k.indexOf(':')))}"][value="${CSS.escape(k.slice(k.indexOf(':') + 1))}"]`) : $(k));
  for (const [k, v] of Object.entries(d.fields)) {
    const el = k === 'unit' ? undefined : byKey(k);
    if (el && typeof v === 'string') el.value = v;
  }
  for (const [k, v] of Object.entries(d.checks ?? {})) {
    const el = byKey(k);
    if (el) el.checked = v === true;
  }
  for (const k of d.typed ?? []) {
    const el = byKey(k);
    if (el) el.dataset.touched = '1';
  }
  for (const q of d.touched ?? []) touch(q);
  refreshVisibility();
  // choices filled only once the account is known (the leaving operator of a handover): set them again
  for (const [k, v] of Object.entries(d.fields)) {
    const el = byKey(k);
    if (el && el.tagName === 'SELECT' && k !== 'unit' && typeof v === 'string' && el.value !== v) el.value = v;
  }
  judge(false);
  $('draft-status').textContent = '已恢复上次未完成的草稿（保存在本浏览器中）。';
  return true;
}

// a reload or a closed tab within the save delay still keeps the last answers
window.addEventListener('pagehide', () => {
  if (saveTimer !== undefined) saveDraft();
});

/**
 * The page's questions and results from a fresh copy of the page as loaded, filled in and wired;
 * body[data-starts] counts the starts of this page (1 once loaded, one more after each 清除草稿).
 */
let starts = 0;
function start() {
  fillIn();
  wire();
  document.body.dataset.starts = String(++starts);
}

/**
 * 清除草稿: the stored draft is removed and the page starts afresh in place, as a reload would
 * (the questions and results replaced by a copy of the page as loaded, every answer, judgement and
 * pending timer of this page forgotten), without reading and starting the page's script again.
 */
function clearDraft() {
  if (!confirm('清除草稿：本页已填写的全部内容将被删除，且不能恢复。确定吗？')) return;
  clearTimeout(saveTimer);
  clearTimeout(timer);
  saveTimer = undefined;
  try {
    localStorage.removeItem(DRAFT_KEY);
  } catch {
    /* nothing was kept */
  }
  touched.clear();
  last = undefined;
  $('main').replaceWith(PRISTINE.cloneNode(true));
  start();
  refreshVisibility();
  $('draft-status').textContent = '草稿已清除。';
  window.scrollTo(0, 0);
}

start();
if (!restoreDraft()) refreshVisibility();
document.body.dataset.ready = '1';
