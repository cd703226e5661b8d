/*
 * 政务新媒体备案公示页的脚本：列表筛选和“是不是官方账号”查询。无框架、无网络请求。
 * The public page's script: list filtering and the "is this account official?" check.
 * No framework, no network requests; it reads the JSON embedded in the page.
 */
(function () {
  'use strict';
  var dataEl = document.getElementById('register-data');
  if (!dataEl) return;
  var data = JSON.parse(dataEl.textContent || '{}');
  var records = data.accounts || [];
  var byId = {};
  records.forEach(function (r) { byId[r.id] = r; });

  // ---- text folding: NFKC, invisible characters, look-alike letters, spaces, case
  var INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;
  var SPACES = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
  var LOOKALIKE = {
    'а': 'a', 'в': 'b', 'е': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'с': 'c', 'т': 't', 'у': 'y', 'х': 'x',
    'і': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'ο': 'o', 'α': 'a', 'ν': 'v', 'ρ': 'p', 'τ': 't', 'ι': 'i', 'κ': 'k',
    'υ': 'u', 'χ': 'x', 'ɡ': 'g', '〇': '0'
  };
  var LOOKALIKE_RE = new RegExp('[' + Object.keys(LOOKALIKE).join('') + ']', 'g');
  function fold(s) {
    return String(s || '').normalize('NFKC').replace(INVISIBLE, '').toLowerCase().replace(LOOKALIKE_RE, function (c) { return LOOKALIKE[c] || c; });
  }
  // ---- names are matched by their confusables skeleton (Unicode TR39 with NFKC and the CJK
  // look-alikes; the same function as scripts/core/text-checks.ts skeleton(), the table is put
  // in at build time)
  var CONF = {};
  (function () {
    var d = '__GOVMEDIA_CONFUSABLES__';
    if (d.indexOf('__GOVMEDIA') === 0) return;
    d.split('\n').forEach(function (l) { var t = l.indexOf('\t'); CONF[l.slice(0, t)] = l.slice(t + 1); });
  })();
  var DROP;
  try {
    DROP = new RegExp('[\\p{Default_Ignorable_Code_Point}\\p{Cf}\\p{Cc}\\p{Co}\\p{Cn}\\p{Cs}\\p{Z}\\p{M}\\u2800\\u115F\\u1160\\u3164\\uFFA0\\s]', 'gu');
  } catch (e) {
    DROP = new RegExp(INVISIBLE.source.slice(0, -1) + '\\s\\u00A0\\u3000\\u0300-\\u036F]', 'g');
  }
  var PURE_HAN = /^[\u4e00-\u9fff]*$/;
  function mapEach(s) {
    return Array.from(s).map(function (c) { return Object.prototype.hasOwnProperty.call(CONF, c) ? CONF[c] : c; }).join('');
  }
  function skeleton(s) {
    s = String(s || '');
    if (PURE_HAN.test(s)) return mapEach(s);
    var x = mapEach(s.replace(DROP, '').normalize('NFD')).normalize('NFKC').replace(DROP, '');
    x = mapEach(x.normalize('NFD')).normalize('NFD').replace(DROP, '');
    return mapEach(x.toLowerCase());
  }
  /** A character other than Han and ASCII that Unicode or the CJK table lists as a look-alike. */
  function hasConfusable(s) {
    return Array.from(s).some(function (c) { return c > '\u007f' && !/[\u4e00-\u9fff\u3001-\u301f\uff01-\uff0f\uff1a-\uff1f\u00b7\u2014\u2018\u2019\u201c\u201d]/.test(c) && Object.prototype.hasOwnProperty.call(CONF, c); });
  }
  function norm(s) { return skeleton(fold(s)).replace(SPACES, ''); }
  function differences(input) {
    var why = [];
    if (new RegExp(INVISIBLE.source).test(input) || new RegExp(DROP.source, DROP.flags.replace('g', '')).test(input.replace(/[ \u3000]/g, '').replace(/[\u0300-\u036f]/g, ''))) why.push('含有不可见字符（如零宽空格）');
    if (new RegExp(SPACES.source).test(input.trim())) why.push('空格不同');
    var stripped = input.replace(INVISIBLE, '');
    if (stripped.normalize('NFKC') !== stripped || new RegExp(LOOKALIKE_RE.source).test(stripped) || hasConfusable(stripped)) why.push('含有全角/半角或形近字符');
    return why;
  }

  // ---- search index
  var index = {};
  records.forEach(function (r) {
    var former = (r.formerNames || []).map(function (f) { return f.name; }).join(' ');
    index[r.id] = [r.name, former, r.hostUnit, r.platform, r.region, r.certifiedEntity, r.platformAccountId || '', r.id].map(norm).join('\n');
  });

  var STATUS_CLASS = { '正常': 's-active', '开设中': 's-opening', '关停中': 's-closing', '已关停': 's-closed', '未通过审核': 's-rejected', '已移出': 's-removed' };

  // ---- list filtering
  var q = document.getElementById('q');
  var fPlatform = document.getElementById('f-platform');
  var fStatus = document.getElementById('f-status');
  var count = document.getElementById('count');
  var empty = document.getElementById('empty');
  var items = Array.prototype.slice.call(document.querySelectorAll('#results > li'));
  function filter() {
    var needle = norm(q.value);
    var plat = fPlatform.value;
    var st = fStatus.value;
    var shown = 0;
    items.forEach(function (li) {
      var r = byId[li.getAttribute('data-id')];
      var ok = !!r && (!needle || index[r.id].indexOf(needle) >= 0) && (!plat || r.platform === plat) && (!st || r.status === st);
      li.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = needle || plat || st ? '找到 ' + shown + ' 个账号（共 ' + records.length + ' 个）' : '共 ' + records.length + ' 个账号';
    empty.hidden = shown !== 0;
  }
  [q, fPlatform, fStatus].forEach(function (el) { el.addEventListener('input', filter); el.addEventListener('change', filter); });
  document.getElementById('search-form').addEventListener('submit', function (e) { e.preventDefault(); filter(); });

  // ---- the selected account (the URL fragment #acc-<id> shows its details)
  function onHash() {
    var id = decodeURIComponent(location.hash.replace(/^#acc-/, ''));
    items.forEach(function (li) {
      if (li.getAttribute('data-id') === id) li.setAttribute('aria-current', 'true');
      else li.removeAttribute('aria-current');
    });
    var art = location.hash.indexOf('#acc-') === 0 ? document.getElementById('acc-' + id) : null;
    if (art) art.focus({ preventScroll: true });
  }
  window.addEventListener('hashchange', onHash);
  onHash();

  // ---- "is this account official?"
  var vForm = document.getElementById('verify-form');
  var vInput = document.getElementById('verify-input');
  var vPlatform = document.getElementById('verify-platform');
  var vOut = document.getElementById('verify-result');

  function isUrl(s) { return /^(https?:\/\/|www\.)/i.test(s) || /^[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(s); }
  function normUrl(s) {
    return fold(s).replace(SPACES, '').replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').replace(/#.*$/, '').replace(/\/+$/, '');
  }
  function urlMatches(r, u) {
    var plain = u.replace(/\?.*$/, '').replace(/\/+$/, '');
    return (r.urls || []).some(function (x) {
      var n = normUrl(x);
      return n && (u === n || plain === n || u.indexOf(n + '/') === 0 || u.indexOf(n + '?') === 0);
    });
  }
  function distance(a, b) {
    if (Math.abs(a.length - b.length) > 2) return 3;
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      for (j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
    return prev[b.length];
  }
  // "已登记" only for accounts live on their platform: opened (正常) or still running while closing (关停中);
  // an account whose opening is still being filed (开设中) is not yet an official account
  function live(r) { return r.status === '正常' || r.status === '关停中'; }
  function statusText(r) {
    if (r.status === '已关停') return '已关停' + (r.closedOn ? '（' + r.closedOn + '）' : '');
    if (r.status === '关停中') return '关停中' + (r.announcementEnd ? '（注销公告期至 ' + r.announcementEnd + '）' : '');
    if (r.status === '已移出') return '已不属于政务新媒体' + (r.closedOn ? '（' + r.closedOn + '）' : '');
    return r.status;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function recordList(list, note) {
    var ul = el('ul', 'matches');
    list.forEach(function (r) {
      var li = el('li');
      var a = el('a', null, r.name);
      a.href = '#acc-' + r.id;
      li.appendChild(a);
      li.appendChild(document.createTextNode(' · ' + r.platform + ' · 主办单位：' + r.hostUnit + ' · '));
      li.appendChild(el('span', 'badge ' + (STATUS_CLASS[r.status] || ''), statusText(r)));
      if (r.platformAccountId) li.appendChild(el('span', 'pid', ' · 平台账号 ID：' + r.platformAccountId));
      var home = (r.urls || []).filter(function (u) { return /^https?:\/\//i.test(u); })[0];
      if (home) {
        li.appendChild(document.createTextNode(' · '));
        var link = el('a', 'home', '账号主页');
        link.href = home;
        link.rel = 'noopener noreferrer nofollow';
        li.appendChild(link);
      }
      if (note) li.appendChild(el('span', 'note', note(r)));
      ul.appendChild(li);
    });
    return ul;
  }
  function show(verdict, title, lines, list, note) {
    vOut.textContent = '';
    vOut.setAttribute('data-verdict', verdict);
    vOut.className = 'verdict v-' + verdict;
    vOut.appendChild(el('p', 'verdict-title', title));
    (lines || []).forEach(function (t) { vOut.appendChild(el('p', null, t)); });
    if (list && list.length) vOut.appendChild(recordList(list, note));
    vOut.hidden = false;
  }

  function verdictFor(list, approx) {
    var liveOnes = list.filter(live);
    if (approx) return { verdict: 'approximate', title: '⚠ 只找到近似的登记名称，请谨慎核对' };
    if (liveOnes.length) return { verdict: 'official', title: '✔ 是已登记的政务新媒体' };
    if (list.some(function (r) { return r.status === '开设中'; })) return { verdict: 'opening', title: '⚠ 正在办理开设备案，尚未正式启用' };
    var closed = list.filter(function (r) { return r.status === '已关停'; });
    if (closed.length) {
      var dates = closed.map(function (r) { return r.closedOn; }).filter(Boolean).join('、');
      return { verdict: 'closed', title: '✖ 已关停' + (dates ? '（' + dates + '）' : '') + '：该账号不再是在用的政务新媒体' };
    }
    return { verdict: 'not-official', title: '✖ 不是在用的政务新媒体' };
  }

  function verify() {
    var raw = vInput.value.trim();
    var plat = vPlatform.value;
    if (!raw) {
      show('empty', '请输入要核对的账号名称或链接。');
      return;
    }
    var pool = records.filter(function (r) { return !plat || r.platform === plat; });
    var list, approx = false, lines = [];
    if (isUrl(raw)) {
      var u = normUrl(raw);
      list = pool.filter(function (r) { return urlMatches(r, u); });
      if (!list.length) {
        show('not-found', '✖ 未在本登记簿中找到（可能是假冒账号，请谨慎）', ['本登记簿没有登记这个链接。请核对平台上的机构认证信息，或按名称查询。']);
        return;
      }
    } else {
      list = pool.filter(function (r) { return r.name === raw || (r.platformAccountId && r.platformAccountId === raw); });
      if (!list.length) {
        var n = norm(raw);
        list = pool.filter(function (r) { return norm(r.name) === n; });
        if (list.length) {
          approx = true;
          var why = differences(raw);
          lines.push('您输入的名称与登记名称“' + list[0].name + '”不完全一致' + (why.length ? '：' + why.join('、') : '') + '。');
          lines.push('假冒账号常用这类看不出来的差别冒充官方账号。请在平台上核对账号的机构认证信息（认证主体应为主办单位）。');
        }
      }
      if (!list.length) {
        var n2 = norm(raw);
        var former = pool.filter(function (r) { return (r.formerNames || []).some(function (f) { return f.name === raw || norm(f.name) === n2; }); });
        if (former.length) {
          show('former', '⚠ 这是已停用的曾用名', ['该名称是下列账号更名前的名称。仍以此名称发布内容的账号可能不是官方账号，请谨慎。'], former, function (r) {
            var f = (r.formerNames || []).filter(function (x) { return x.name === raw || norm(x.name) === n2; })[0];
            return f ? '（' + f.until + ' 由“' + f.name + '”更名为“' + r.name + '”）' : '';
          });
          return;
        }
        var elsewhere = plat ? records.filter(function (r) { return r.platform !== plat && norm(r.name) === n2; }) : [];
        var near = n2.length >= 3 ? pool.filter(function (r) { return distance(norm(r.name), n2) <= (n2.length >= 6 ? 2 : 1); }) : [];
        var extra = ['本登记簿中没有这个名称。请勿轻信该账号发布的信息，可向主管单位核实或举报（联系方式见页面下方“如何举报假冒账号”）。'];
        if (elsewhere.length) extra.push('该名称在其他平台有登记：' + elsewhere.map(function (r) { return r.platform + '（' + statusText(r) + '）'; }).join('、') + '。');
        if (near.length) extra.push('与下列登记名称相近但不相同，请仔细核对：');
        show('not-found', '✖ 未在本登记簿中找到（可能是假冒账号，请谨慎）', extra, near);
        return;
      }
    }
    var v = verdictFor(list, approx);
    if (!approx && v.verdict === 'official' && list.some(function (r) { return !live(r); })) lines.push('同名账号中有的已关停或未通过审核，请按平台核对：');
    if (v.verdict === 'closed') lines.push('该账号已经关停。如仍看到它在发布信息，可能是假冒账号，请谨慎并向主管单位反映（联系方式见页面下方“如何举报假冒账号”）。');
    if (v.verdict === 'opening') lines.push('该账号的开设备案尚未办结，还不是正式启用的政务新媒体。如已看到它以政府名义发布信息，请向主管单位核实（联系方式见页面下方）。');
    show(v.verdict, v.title, lines, list);
  }
  vForm.addEventListener('submit', function (e) { e.preventDefault(); verify(); });

  document.documentElement.classList.add('js');
  filter();
})();
