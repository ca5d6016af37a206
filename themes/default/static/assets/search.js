/* Briefing search: queries the static index in search/ (see briefing/render/search.py).
   Progressive: without JavaScript the page still links to the tags and the archive. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-search]");
  if (!form) { return; }
  var input = form.querySelector("input[type=search]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var base = form.getAttribute("data-search");
  var root = form.getAttribute("data-root");
  var cache = {};
  var meta = null;
  var latest = 0;

  function getJSON(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (r) {
        if (r.status === 404) { return {}; }
        if (!r.ok) { throw new Error(r.status + " " + path); }
        return r.json();
      });
    }
    return cache[path];
  }
  function fold(text) {
    // As the index folds (Python's casefold, then NFKD without accents): toLowerCase keeps
    // "ß" and a final "ς" where casefold gives "ss" and "σ", so "Straße" would never match.
    return text.toLowerCase().replace(/ß/g, "ss").replace(/ς/g, "σ")
      .normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }
  function shardKey(term) {
    var head = Array.from(term).slice(0, 2);
    if (head.every(function (c) { return c.charCodeAt(0) < 128; })) { return head.join(""); }
    return "x" + head.map(function (c) { return c.codePointAt(0).toString(16); }).join("-");
  }
  function queryTerms(query, stop) {
    var words = fold(query).match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) || [];
    var terms = [];
    words.forEach(function (word) {
      var parts = word.split(/[-']/);
      if (parts.length > 1) { terms.push(parts.join("")); return; }
      if (parts[0].length > 1 && stop.indexOf(parts[0]) === -1) { terms.push(parts[0]); }
    });
    return terms;
  }
  function matches(term, prefix) {
    return getJSON("terms/" + shardKey(term) + ".json").then(function (shard) {
      var found = {};
      Object.keys(shard).forEach(function (t) {
        if (t === term || (prefix && t.indexOf(term) === 0)) {
          shard[t].forEach(function (code) {
            var id = code >> 1, weight = (code & 1) ? 3 : 1;
            found[id] = Math.max(found[id] || 0, weight);
          });
        }
      });
      return found;
    });
  }
  function show(message) { status.textContent = message; }
  function render(rows) {
    list.textContent = "";
    rows.forEach(function (row) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + row[0];
      link.textContent = row[1];
      var when = document.createElement("p");
      when.className = "meta";
      when.textContent = row[2] + (row[4].length ? " · " + row[4].slice(0, 6).join(", ") : "");
      var summary = document.createElement("p");
      summary.textContent = row[3];
      item.appendChild(link);
      item.appendChild(when);
      item.appendChild(summary);
      list.appendChild(item);
    });
  }
  function run() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) { show(""); list.textContent = ""; return; }
    getJSON("meta.json").then(function (m) {
      meta = m;
      var terms = queryTerms(query, meta.stop_words || []);
      if (!terms.length) { show("Type a longer word."); list.textContent = ""; return null; }
      var last = terms.length - 1;
      return Promise.all(terms.map(function (t, i) { return matches(t, i === last); }));
    }).then(function (sets) {
      if (!sets || ticket !== latest) { return null; }
      var scores = sets[0];
      sets.slice(1).forEach(function (set) {
        var next = {};
        Object.keys(scores).forEach(function (id) { if (set[id]) { next[id] = scores[id] + set[id]; } });
        scores = next;
      });
      var ids = Object.keys(scores).map(Number).sort(function (a, b) {
        return (scores[b] - scores[a]) || (b - a);
      });
      var total = ids.length;
      ids = ids.slice(0, 50);
      return Promise.all(ids.map(function (id) {
        return getJSON("docs/" + Math.floor(id / meta.docs_per_file) + ".json").then(function (rows) {
          return rows[id % meta.docs_per_file];
        });
      })).then(function (rows) {
        if (ticket !== latest) { return; }
        render(rows.filter(Boolean));
        show(total === 0 ? "No briefings match “" + query + "”." :
             total + " briefing" + (total === 1 ? "" : "s") + " match" + (total === 1 ? "es" : "") +
             " “" + query + "”" + (total > 50 ? "; showing the 50 best." : "."));
      });
    }).catch(function (error) { show("Search is unavailable: " + error.message); });
  }
  var timer = null;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; }
  if (input.value) { run(); }
})();
