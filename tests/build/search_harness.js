// Runs the theme's search.js in Node against a built public/ folder, with the smallest DOM it
// needs: what a reader submitting each query on the search page would see listed.
// Usage: node search_harness.js PUBLIC SEARCH_JS DATA_SEARCH DATA_ROOT QUERIES_JSON
// Prints {query: {status, results: [{href, title, meta, summary}]}} as JSON.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [publicDir, script, dataSearch, dataRoot, queriesJson] = process.argv.slice(2);
const pageDir = path.join(publicDir, "search");

function element(tag) {
  const node = { tag, children: [], className: "", href: "", text: "" };
  node.appendChild = (child) => node.children.push(child);
  Object.defineProperty(node, "textContent", {
    get: () => node.text,
    set: (value) => { node.text = String(value); node.children = []; },
  });
  return node;
}

const status = element("p");
const list = element("ol");
const input = { value: "", addEventListener() {} };
const listeners = {};
const form = {
  getAttribute: (name) => ({ "data-search": dataSearch, "data-root": dataRoot })[name],
  querySelector: () => input,
  addEventListener: (type, listener) => { listeners[type] = listener; },
};
const sandbox = {
  document: {
    querySelector: (selector) => (selector === "form[data-search]" ? form : null),
    getElementById: (id) => ({ "search-status": status, "search-results": list })[id],
    createElement: element,
  },
  window: { location: { search: "" } },
  URLSearchParams,
  Promise,
  setTimeout,
  clearTimeout,
  fetch: (url) => {
    const file = path.resolve(pageDir, url);
    if (!fs.existsSync(file)) {
      return Promise.resolve({ status: 404, ok: false });
    }
    const data = fs.readFileSync(file, "utf8");
    return Promise.resolve({ status: 200, ok: true, json: () => Promise.resolve(JSON.parse(data)) });
  },
};
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(script, "utf8"), sandbox, { filename: script });

function settle() {
  return new Promise((resolve) => setTimeout(resolve, 30));
}

function shown() {
  return {
    status: status.textContent,
    results: list.children.map((item) => {
      const target = path.resolve(pageDir, item.children[0].href);
      const relative = path.relative(publicDir, target).split(path.sep).join("/");
      return {
        href: relative + (item.children[0].href.endsWith("/") ? "/" : ""),
        title: item.children[0].textContent,
        meta: item.children[1].textContent,
        summary: item.children[2].textContent,
      };
    }),
  };
}

(async () => {
  const answers = {};
  for (const query of JSON.parse(queriesJson)) {
    input.value = query;
    listeners.submit({ preventDefault() {} });
    await settle();
    answers[query] = shown();
  }
  process.stdout.write(JSON.stringify(answers));
})();
