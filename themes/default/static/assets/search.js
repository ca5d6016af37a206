/* Briefing search: queries the static index in search/ (see briefing/render/search.py; its
   word rules in search_words.py - folding, spelling, possessives, hyphens, Snowball stemming -
   this file mirrors line for line, and a test feeds the same words through both).
   Progressive: without JavaScript the page still links to the tags and the archive. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-search]");
  if (!form) { return; }
  var input = form.querySelector("input[type=search]");
  var typeSelect = document.getElementById("search-type");
  var fromInput = document.getElementById("search-from");
  var toInput = document.getElementById("search-to");
  var status = document.getElementById("search-status");
  var note = document.getElementById("search-note");
  var list = document.getElementById("search-results");
  var pager = document.getElementById("search-pager");
  var base = new URL(form.getAttribute("data-search"), document.baseURI).href;
  var root = form.getAttribute("data-root");
  var PER_PAGE = 20, MAX_QUERY = 200, MAX_UNITS = 10, MAX_SPAN = 5;
  var WEIGHTS = [1, 4, 6, 10];  // body, summary, tags, title (a code's low two bits)
  var ENTITY = 100, PREFIX = 0.5;
  var TYPE_LABELS = {countries: "Countries", people: "People", organisations: "Organisations",
                     weapon_systems: "Weapon systems", topics: "Topics"};
  var ONE_OF = {countries: "country", people: "person", organisations: "organisation",
                weapon_systems: "weapon system", topics: "topic"};
  var cache = {};
  var meta = null, stemmer = null, shardSet = null, aliasSet = null, typoSet = null, rules = [];
  var latest = 0;

  function getJSON(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (r) {
        if (!r.ok) { throw new Error(r.status + " " + path); }
        return r.json();
      });
    }
    return cache[path];
  }

  /* ---- words: as briefing/render/search.py ---- */
  var APOS = /[\u2019\u2018\u02bc\u2032\u00b4\uff07]/g;
  var DASH = /[\u2010-\u2015\u2212\ufe63\uff0d]/g;
  var WORD = /[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu;
  var ALPHA = /^\p{L}+$/u;
  function fold(text) {
    // Python's casefold, then NFKD without nonspacing marks: toLowerCase keeps "ß" and a
    // final "ς" where casefold gives "ss" and "σ".
    return text.replace(APOS, "'").replace(DASH, "-").replace(/\u00ad/g, "").toLowerCase()
      .replace(/ß/g, "ss").replace(/ς/g, "σ").normalize("NFKD").replace(/\p{Mn}/gu, "");
  }
  function respell(word) {
    var words = meta.spelling.words;
    if (Object.prototype.hasOwnProperty.call(words, word)) { return words[word]; }
    rules.forEach(function (rule) { word = word.replace(rule[0], rule[1]); });
    return word;
  }
  var stems = {};
  function stem(word) {
    if (Object.prototype.hasOwnProperty.call(stems, word)) { return stems[word]; }
    var out = meta.spelling ? respell(word) : word;
    if (stemmer && ALPHA.test(out)) { out = stemmer.stemWord(out); }
    stems[word] = out;
    return out;
  }
  function splitWords(text) {
    var words = fold(text).match(WORD) || [];
    if (meta.language === "en") { words = words.map(function (w) { return w.replace(/'s$/, ""); }); }
    return words;
  }
  function isStop(word) { return meta.stop_words.indexOf(word) !== -1; }
  function wordTerms(word) {
    var parts = word.split(/[-']/).filter(Boolean);
    var surfaces = parts.length > 1 ? [parts.join("")].concat(parts) : parts;
    var found = [];
    surfaces.forEach(function (surface, i) {
      if ((i > 0 || parts.length === 1) && (Array.from(surface).length < 2 || isStop(surface))) { return; }
      found.push({stem: stem(surface), surface: surface});
    });
    return found;
  }
  function phraseStems(words) {
    var out = [];
    words.forEach(function (word) {
      word.split(/[-']/).forEach(function (part) { if (part && !isStop(part)) { out.push(stem(part)); } });
    });
    return out;
  }
  function aliasKey(words) {
    return words.map(function (word) {
      return word.split(/[-']/).filter(Boolean).map(stem).join("");
    }).join("");
  }
  var CRC = [];
  for (var n = 0; n < 256; n++) {
    var c = n;
    for (var k = 0; k < 8; k++) { c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; }
    CRC.push(c >>> 0);
  }
  function pairHash(text) {
    // CRC-32 of the UTF-8 bytes, as Python's zlib.crc32.
    var crc = 0xffffffff;
    new TextEncoder().encode(text).forEach(function (byte) { crc = CRC[(crc ^ byte) & 0xff] ^ (crc >>> 8); });
    return (crc ^ 0xffffffff) >>> 0;
  }
  function shardKey(term) {
    if (term.indexOf("_") !== -1) { return "p" + (pairHash(term) % meta.pair_buckets); }
    var head = Array.from(term).slice(0, 2);
    if (head.every(function (c) { return c.charCodeAt(0) < 128; })) { return head.join(""); }
    return "x" + head.map(function (c) { return c.codePointAt(0).toString(16); }).join("-");
  }
  function aliasFile(key) {
    var c = Array.from(key)[0];
    return /^[a-z0-9]$/.test(c) ? c : "x" + c.codePointAt(0).toString(16);
  }
  // Listed in meta.json, so no request is made for a file that does not exist.
  function shard(key) { return shardSet[key] ? getJSON("terms/" + key + ".json") : Promise.resolve({}); }
  var aliasTables = {};
  function aliasShard(key) {
    var file = aliasFile(key);
    if (!aliasSet[file]) { return Promise.resolve({}); }
    return getJSON("aliases/" + file + ".json").then(function (table) { aliasTables[file] = table; });
  }

  function start() {
    if (meta) { return Promise.resolve(); }
    return getJSON("meta.json").then(function (m) {
      meta = m;
      shardSet = {}; m.shards.forEach(function (k) { shardSet[k] = true; });
      aliasSet = {}; m.aliases.forEach(function (k) { aliasSet[k] = true; });
      typoSet = {}; m.typos.forEach(function (k) { typoSet[k] = true; });
      rules = m.spelling ? m.spelling.rules.map(function (r) { return [new RegExp(r[0], "u"), r[1]]; }) : [];
      m.types.forEach(function (type) {
        var option = document.createElement("option");
        option.value = type;
        option.textContent = TYPE_LABELS[type] || type;
        typeSelect.appendChild(option);
      });
      var wanted = new URLSearchParams(window.location.search).get("type");
      if (wanted) { typeSelect.value = wanted; }
      if (!m.stemmer) { return null; }
      return import(base + "stemmer/" + m.stemmer + "-stemmer.js").then(function (module) {
        stemmer = new module.default();
      });
    });
  }

  /* ---- the query: phrases, entities, words ---- */
  function parse(query) {
    query = query.slice(0, MAX_QUERY).replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, "\"");
    var pieces = [], at = 0, match, quoted = /"([^"]*)"?/g;
    while ((match = quoted.exec(query)) !== null) {
      pieces.push({text: query.slice(at, match.index), phrase: false});
      pieces.push({text: match[1], phrase: true});
      at = quoted.lastIndex;
    }
    pieces.push({text: query.slice(at), phrase: false});
    var typing = !/\s$/.test(query) && !/"$/.test(query);
    return pieces.map(function (p) { return {words: splitWords(p.text), phrase: p.phrase}; })
      .filter(function (p) { return p.words.length; })
      .map(function (p, i, all) { p.last = typing && i === all.length - 1 && !p.phrase; return p; });
  }
  function units(pieces) {
    // Each unit must match (AND). Runs of words that spell an entity's alias become one unit.
    var firsts = [];
    pieces.forEach(function (p) { p.words.forEach(function (w) { var k = aliasKey([w]); if (k) { firsts.push(k); } }); });
    return Promise.all(firsts.map(aliasShard)).then(function () {
      var out = [];
      pieces.forEach(function (piece) {
        var words = piece.words;
        if (piece.phrase) {
          var entity = lookupAlias(words);
          out.push(entity ? {kind: "entity", words: words, entity: entity, phrase: true}
                          : (words.length > 1 ? {kind: "phrase", words: words}
                                              : {kind: "word", words: words, prefix: false}));
          return;
        }
        for (var i = 0; i < words.length;) {
          var found = null, length = Math.min(MAX_SPAN, words.length - i);
          for (; length > 0 && !found; length--) { found = lookupAlias(words.slice(i, i + length)); }
          length += found ? 1 : 0;
          if (found) {
            out.push({kind: "entity", words: words.slice(i, i + length), entity: found});
            i += length;
          } else {
            out.push({kind: "word", words: [words[i]], prefix: piece.last && i === words.length - 1});
            i += 1;
          }
        }
      });
      return out.slice(0, MAX_UNITS);
    });
  }
  function lookupAlias(words) {
    var key = aliasKey(words);
    if (!key) { return null; }
    var table = aliasTables[aliasFile(key)];
    return table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : null;
  }

  function addCodes(scores, codes, factor) {
    codes.forEach(function (code) {
      var id = Math.floor(code / 4), weight = WEIGHTS[code % 4] * factor;
      if (!(scores[id] >= weight)) { scores[id] = weight; }
    });
  }
  // {id: score} for one word: its stem's postings, and while typing, words it begins.
  function wordScores(word, prefix) {
    var terms = wordTerms(word);
    if (!terms.length) { return Promise.resolve(null); }  // a stop word: it does not block
    return termScores(terms[0], prefix, word);
  }
  function termScores(term, prefix, word) {
    return shard(shardKey(term.stem)).then(function (table) {
      var scores = {}, hit = false;
      if (Object.prototype.hasOwnProperty.call(table, term.stem)) {
        hit = true;
        Object.keys(table[term.stem]).forEach(function (s) { addCodes(scores, table[term.stem][s], 1); });
      }
      if (prefix && term.surface.length >= 2) {
        Object.keys(table).forEach(function (st) {
          Object.keys(table[st]).forEach(function (s) {
            if (s !== term.surface && s.indexOf(term.surface) === 0) { hit = true; addCodes(scores, table[st][s], PREFIX); }
          });
        });
      }
      return {scores: scores, hit: hit, word: word, term: term};
    });
  }
  function pairScores(a, b) {
    var pair = a + "_" + b;
    return shard(shardKey(pair)).then(function (table) {
      var ids = {};
      (table[pair] ? table[pair][""] : []).forEach(function (code) { ids[Math.floor(code / 4)] = 1; });
      return ids;
    });
  }
  function intersect(sets) {
    var live = sets.filter(Boolean);
    if (!live.length) { return null; }
    var out = live[0];
    live.slice(1).forEach(function (set) {
      var next = {};
      Object.keys(out).forEach(function (id) { if (set[id] !== undefined) { next[id] = out[id] + set[id]; } });
      out = next;
    });
    return out;
  }
  function unitScores(unit) {
    if (unit.kind === "word") {
      return wordScores(unit.words[0], unit.prefix).then(function (r) {
        if (!r) { return {scores: null, unit: unit}; }
        unit.result = r;
        return {scores: r.scores, unit: unit};
      });
    }
    var stemsOf = phraseStems(unit.words);
    var textual = unit.kind === "phrase" || unit.phrase ? phraseMatches(stemsOf) : wordMatches(unit.words);
    if (unit.kind === "phrase") {
      return textual.then(function (scores) { return {scores: scores, unit: unit}; });
    }
    // An entity: every briefing tagged with it (ranked first), and those that spell it out.
    return Promise.all([textual, Promise.all(unit.entity.map(function (e) {
      return getJSON("entity/" + e[1] + ".json");
    }))]).then(function (done) {
      var scores = done[0] || {};
      done[1].forEach(function (ids) {
        ids.forEach(function (id) { scores[id] = ENTITY + (scores[id] || 0); });
      });
      return {scores: scores, unit: unit};
    });
  }
  // Briefings with every stem of a phrase, and each adjacent pair of them side by side.
  function phraseMatches(stemsOf) {
    var words = Promise.all(stemsOf.map(function (s) { return termScores({stem: s, surface: s}, false, s); }));
    var pairs = [];
    for (var i = 0; i + 1 < stemsOf.length; i++) { pairs.push(pairScores(stemsOf[i], stemsOf[i + 1])); }
    return Promise.all([words, Promise.all(pairs)]).then(function (done) {
      return intersect([intersect(done[0].map(function (r) { return r.scores; }))].concat(done[1]));
    });
  }
  // Briefings with every word, each as the index holds it ("s-400" as "s400").
  function wordMatches(words) {
    return Promise.all(words.map(function (w) {
      var terms = wordTerms(w);
      return terms.length ? termScores(terms[0], false, w) : null;
    })).then(function (done) {
      return intersect(done.map(function (r) { return r && r.scores; }));
    });
  }

  function distance(a, b) {
    // Optimal string alignment: a swap of two letters ("Erdgoan") is one edit.
    a = Array.from(a); b = Array.from(b);
    var d = [], i, j;
    for (i = 0; i <= a.length; i++) { d.push([i]); }
    for (j = 1; j <= b.length; j++) { d[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length][b.length];
  }
  // The closest word the index holds to a word that found nothing: first in the shards of
  // its first two letters, of them swapped, and of its second and third (an extra first
  // letter); then, unless that found a word one letter off, in the typo lists (search_typos.py)
  // that hold the words whose first two letters it may have wrong, missing or doubled.
  function correction(word) {
    var chars = Array.from(word);
    if (chars.length < 5 || !ALPHA.test(word)) { return Promise.resolve(null); }
    var keys = {};
    [chars[0] + chars[1], chars[1] + chars[0], chars[1] + chars[2]].forEach(function (k) {
      keys[shardKey(k)] = true;
    });
    var best = null;
    function consider(surface, weight) {
      var length = Array.from(surface).length;
      if (!surface || Math.abs(length - chars.length) > 2 || length < 4) { return; }
      var d = distance(word, surface);
      if (d > 2) { return; }
      if (!best || d < best.d || (d === best.d && (weight > best.weight ||
          (weight === best.weight && surface < best.surface)))) {
        best = {d: d, weight: weight, surface: surface};
      }
    }
    return Promise.all(Object.keys(keys).map(shard)).then(function (tables) {
      tables.forEach(function (table) {
        Object.keys(table).forEach(function (st) {
          Object.keys(table[st]).forEach(function (surface) { consider(surface, table[st][surface].length); });
        });
      });
      if (best && best.d < 2) { return best.surface; }
      var names = {};
      // Wrong first letter, missing first; wrong second, missing second, extra second.
      [["23-", chars[1] + chars[2]], ["23-", chars[0] + chars[1]], ["13-", chars[0] + chars[2]],
       ["13-", chars[0] + chars[1]], ["13-", chars[0] + chars[3]]].forEach(function (pair) {
        var name = pair[0] + shardKey(pair[1]);
        if (typoSet[name]) { names[name] = true; }
      });
      return Promise.all(Object.keys(names).map(function (name) {
        return getJSON("typos/" + name + ".json");
      })).then(function (lists) {
        lists.forEach(function (words) { words.forEach(function (surface) { consider(surface, 0); }); });
        return best && best.surface;
      });
    });
  }

  /* ---- filters, paging, the page ---- */
  function state() {
    var params = new URLSearchParams(window.location.search);
    return {q: params.get("q") || "", type: params.get("type") || "", from: params.get("from") || "",
            to: params.get("to") || "", page: Math.max(1, parseInt(params.get("page"), 10) || 1)};
  }
  function urlFor(s) {
    var params = new URLSearchParams();
    if (s.q) { params.set("q", s.q); }
    if (s.type) { params.set("type", s.type); }
    if (s.from) { params.set("from", s.from); }
    if (s.to) { params.set("to", s.to); }
    if (s.page > 1) { params.set("page", String(s.page)); }
    var text = params.toString();
    return window.location.pathname + (text ? "?" + text : "");
  }
  function current(page) {
    return {q: input.value, type: typeSelect.value, from: fromInput.value, to: toInput.value, page: page || 1};
  }
  function filterIds(ids, s) {
    var waits = [];
    if (s.type && meta.types.indexOf(s.type) !== -1) { waits.push(getJSON("type/" + s.type + ".json")); } else { waits.push(null); }
    waits.push(s.from || s.to ? getJSON("dates.json") : null);
    return Promise.all(waits).then(function (done) {
      var typed = null;
      if (done[0]) { typed = {}; done[0].forEach(function (id) { typed[id] = true; }); }
      var low = 0, high = Infinity;
      if (done[1]) {
        var days = done[1];
        if (s.from) {
          low = meta.count;
          for (var i = 0; i < days.length; i++) { if (days[i][0] >= s.from) { low = days[i][1]; break; } }
        }
        if (s.to) {
          high = -1;
          for (var j = 0; j < days.length; j++) {
            if (days[j][0] <= s.to) { high = j + 1 < days.length ? days[j + 1][1] - 1 : meta.count - 1; }
          }
        }
      }
      return ids.filter(function (id) { return id >= low && id <= high && (!typed || typed[id]); });
    });
  }
  function highlighter(unitsDone) {
    var exact = {}, prefixes = [];
    unitsDone.forEach(function (u) {
      u.words.forEach(function (w) { wordTerms(w).forEach(function (t) { exact[t.stem] = true; }); });
      phraseStems(u.words).forEach(function (s) { exact[s] = true; });
      if (u.prefix) { prefixes.push(wordTerms(u.words[0]).map(function (t) { return t.surface; })[0]); }
      if (u.entity) {
        u.entity.forEach(function (e) {
          splitWords(e[0] + " " + e[3]).forEach(function (w) {
            if (!isStop(w)) { wordTerms(w).forEach(function (t) { exact[t.stem] = true; }); }
          });
        });
      }
    });
    return function (text) {
      var fragment = document.createDocumentFragment(), at = 0, match;
      var words = new RegExp(WORD.source, "gu");
      while ((match = words.exec(text)) !== null) {
        var folded = splitWords(match[0]);
        var hit = folded.some(function (w) {
          return wordTerms(w).some(function (t) {
            return exact[t.stem] || prefixes.some(function (p) { return p && t.surface.indexOf(p) === 0; });
          });
        });
        if (!hit) { continue; }
        fragment.appendChild(document.createTextNode(text.slice(at, match.index)));
        var mark = document.createElement("mark");
        mark.textContent = match[0];
        fragment.appendChild(mark);
        at = match.index + match[0].length;
      }
      fragment.appendChild(document.createTextNode(text.slice(at)));
      return fragment;
    };
  }
  function say(element, parts) {
    element.textContent = "";
    parts.forEach(function (part) {
      if (typeof part === "string") { element.appendChild(document.createTextNode(part)); return; }
      var link = document.createElement("a");
      link.href = urlFor({q: part.q, type: typeSelect.value, from: fromInput.value, to: toInput.value, page: 1});
      link.textContent = part.text;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        input.value = part.q;
        go(true, 1);
      });
      element.appendChild(link);
    });
  }
  function render(rows, ids, mark, tagged) {
    list.textContent = "";
    rows.forEach(function (row, i) {
      if (!row) { return; }
      var item = document.createElement("li");
      var heading = document.createElement("h2");
      var link = document.createElement("a");
      link.href = root + row[0];
      link.appendChild(mark(row[1]));
      heading.appendChild(link);
      var when = document.createElement("p");
      when.className = "meta";
      var time = document.createElement("time");
      time.dateTime = row[2];
      time.textContent = row[2];
      when.appendChild(time);
      var names = tagged[ids[i]];
      if (names) { when.appendChild(document.createTextNode(" · tagged " + names.join(", "))); }
      var summary = document.createElement("p");
      summary.appendChild(mark(row[3]));
      item.appendChild(heading);
      item.appendChild(when);
      item.appendChild(summary);
      list.appendChild(item);
    });
  }
  function renderPager(s, total) {
    pager.textContent = "";
    var pages = Math.ceil(total / PER_PAGE);
    if (pages < 2) { return; }
    [[s.page - 1, "← Previous"], [s.page + 1, "Next " + PER_PAGE + " →"]].forEach(function (step) {
      if (step[0] < 1 || step[0] > pages) { return; }
      var link = document.createElement("a");
      link.href = urlFor({q: s.q, type: s.type, from: s.from, to: s.to, page: step[0]});
      link.textContent = step[1];
      link.rel = step[0] < s.page ? "prev" : "next";
      link.addEventListener("click", function (event) { event.preventDefault(); go(true, step[0]); });
      pager.appendChild(link);
    });
    var where = document.createElement("span");
    where.textContent = "Page " + s.page + " of " + pages;
    pager.appendChild(where);
  }
  function clear() { list.textContent = ""; pager.textContent = ""; note.textContent = ""; }

  function search(s, corrected) {
    var pieces = parse(s.q);
    return units(pieces).then(function (us) {
      return Promise.all(us.map(unitScores));
    }).then(function (done) {
      var live = done.filter(function (d) { return d.scores; });
      return {done: done, live: live, scores: intersect(live.map(function (d) { return d.scores; }))};
    }).then(function (result) {
      if (result.scores && Object.keys(result.scores).length) { return result; }
      if (corrected) { return result; }
      // Nothing found: try the nearest known word for each word that matched nothing.
      var misses = result.live.filter(function (d) { return d.unit.kind === "word" && d.unit.result && !d.unit.result.hit; });
      if (!misses.length) { return result; }
      return Promise.all(misses.map(function (d) { return correction(d.unit.words[0]); })).then(function (fixes) {
        var q = fold(s.q).slice(0, MAX_QUERY), changed = false;
        misses.forEach(function (d, i) {
          if (fixes[i]) { q = q.split(d.unit.words[0]).join(fixes[i]); changed = true; }
        });
        if (!changed) { return result; }
        return search({q: q, type: s.type, from: s.from, to: s.to, page: s.page}, true).then(function (fixed) {
          // A correction that finds nothing either is no help: offer none.
          if (!fixed.scores || !Object.keys(fixed.scores).length) { return result; }
          fixed.suggestion = q;
          return fixed;
        });
      });
    });
  }

  function run(page) {
    var ticket = ++latest;
    var s = current(page || 1);
    var query = s.q.trim();
    if (!query) { status.textContent = ""; clear(); form.setAttribute("data-searched", ""); return Promise.resolve(); }
    return start().then(function () {
      s = current(page || 1);  // the type filter's options exist once meta.json is read
      return search(s, false);
    }).then(function (result) {
      if (ticket !== latest) { return null; }
      var shown = query.length > 80 ? query.slice(0, 80) + "…" : query;
      if (!result.live.length) {
        clear();
        status.textContent = "“" + shown + "” is made of words too common to search for; add a more specific word.";
        form.setAttribute("data-searched", s.q);
        return null;
      }
      var scores = result.scores || {};
      var ids = Object.keys(scores).map(Number).sort(function (a, b) { return (scores[b] - scores[a]) || (b - a); });
      return filterIds(ids, s).then(function (kept) {
        if (ticket !== latest) { return null; }
        var total = kept.length, pages = Math.max(1, Math.ceil(total / PER_PAGE));
        s.page = Math.min(s.page, pages);
        var page = kept.slice((s.page - 1) * PER_PAGE, s.page * PER_PAGE);
        var tagged = {}, entities = [];
        result.done.forEach(function (d) {
          if (!d.unit.entity || !d.scores) { return; }
          d.unit.entity.forEach(function (e) {
            entities.push(e);
            Object.keys(d.scores).forEach(function (id) {
              if (d.scores[id] >= ENTITY) { (tagged[id] = tagged[id] || []).indexOf(e[0]) === -1 && tagged[id].push(e[0]); }
            });
          });
        });
        return Promise.all(page.map(function (id) {
          return getJSON("docs/" + Math.floor(id / meta.docs_per_file) + ".json").then(function (rows) {
            return rows[id % meta.docs_per_file];
          });
        })).then(function (rows) {
          if (ticket !== latest) { return; }
          render(rows, page, highlighter(result.done.map(function (d) { return d.unit; })), tagged);
          renderPager(s, total);
          var parts = [];
          if (result.suggestion) {
            parts = total ? ["No briefings match “" + shown + "”. Showing results for ", {q: result.suggestion, text: result.suggestion}, "."]
                          : ["No briefings match “" + shown + "”. Did you mean ", {q: result.suggestion, text: result.suggestion}, "?"];
          }
          say(note, parts);
          var named = entities.map(function (e) {
            var label = ONE_OF[e[2]] ? " (" + ONE_OF[e[2]] + ")" : "";
            return e[3] !== e[0] ? e[0] + ", also written " + e[3] + label : e[0] + label;
          });
          var what = result.suggestion ? "“" + result.suggestion + "”" : "“" + shown + "”";
          status.textContent = (total === 0 ? "No briefings match " + what + "." :
            total + " briefing" + (total === 1 ? "" : "s") + " match" + (total === 1 ? "es " : " ") + what +
            (total > PER_PAGE ? "; showing " + ((s.page - 1) * PER_PAGE + 1) + "–" + ((s.page - 1) * PER_PAGE + page.length) + "." : ".")) +
            (named.length ? " Entity: " + named.join("; ") + "; briefings tagged with it come first." : "");
          form.setAttribute("data-searched", s.q);  // for tests and benchmarks: this query is shown
        });
      });
    }).catch(function (error) {
      if (ticket === latest) {
        status.textContent = "Search is unavailable: " + error.message;
        form.setAttribute("data-searched", s.q);
      }
    });
  }

  // Typing replaces the current history entry letter by letter, but typing again after a
  // pause (the reader has looked at the results) pushes a new one, so Back returns to the
  // previous query's results rather than to each letter, or past every query typed.
  var SETTLE = 1000;
  var pushNext = true, lastInput = 0;
  function go(push, page) {
    var s = current(page);
    var url = urlFor(s);
    if (url !== window.location.pathname + window.location.search) {
      if (push) { window.history.pushState(null, "", url); } else { window.history.replaceState(null, "", url); }
    }
    return run(page || 1);
  }
  var timer = null;
  input.addEventListener("input", function () {
    var now = Date.now();
    if (now - lastInput > SETTLE) { pushNext = true; }
    lastInput = now;
    clearTimeout(timer);
    timer = setTimeout(function () { go(pushNext, 1); pushNext = false; }, 150);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); pushNext = false; go(true, 1); });
  [typeSelect, fromInput, toInput].forEach(function (control) {
    control.addEventListener("change", function () { pushNext = true; go(true, 1); });
  });
  function restore() {
    var s = state();
    input.value = s.q; fromInput.value = s.from; toInput.value = s.to;
    if (meta) { typeSelect.value = s.type; }
    pushNext = true;
    return run(s.page);
  }
  window.addEventListener("popstate", restore);
  window.briefingSearch = {ready: function () { return start().then(function () { return true; }); },
                           terms: function (text) { return start().then(function () { return termsOf(text); }); },
                           shardKey: function (term) { return start().then(function () { return shardKey(term); }); }};
  // The terms an index would store for a text (the stemming-equality test compares them).
  function termsOf(text) {
    var out = [];
    splitWords(text).forEach(function (w) { wordTerms(w).forEach(function (t) { out.push(t.stem + ":" + t.surface); }); });
    return out;
  }
  if (state().q || state().type) { restore(); }
})();
