/* guide — search page and the "/" keyboard shortcut. No dependencies. */
(function () {
  "use strict";

  var MAX_RESULTS = 50;
  var GROUPS = [
    { kind: "topic", label: "Topics" },
    { kind: "paper", label: "Papers" },
    { kind: "author", label: "Authors" },
    { kind: "page", label: "Pages" }
  ];

  /* Case- and diacritic-insensitive form of a string. */
  function fold(s) {
    return String(s || "").normalize("NFD").replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, "").toLowerCase();
  }

  /* Folded string plus, for every folded character, its index in the original. */
  function foldWithMap(s) {
    var out = "", map = [], i = 0;
    for (var ch of String(s)) {
      var f = fold(ch);
      for (var k = 0; k < f.length; k++) { out += f[k]; map.push(i); }
      i += ch.length;
    }
    map.push(i);
    return { text: out, map: map };
  }

  function words(q) {
    return fold(q).split(/\s+/).filter(Boolean);
  }

  /* "/" focuses the search field, unless the user is typing somewhere. */
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var field = document.getElementById("search-input") || document.getElementById("header-search-input");
    if (!field) return;
    e.preventDefault();
    field.focus();
    field.select();
  });

  var form = document.querySelector("form[data-search-index]");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  if (!input || !status || !results) return;

  var entries = null;
  var timer = 0;

  function say(text) {
    status.textContent = text;
  }

  function highlight(text, terms) {
    var frag = document.createDocumentFragment();
    var f = foldWithMap(text);
    var ranges = [];
    terms.forEach(function (w) {
      var at = f.text.indexOf(w);
      while (at !== -1) {
        ranges.push([f.map[at], f.map[at + w.length]]);
        at = f.text.indexOf(w, at + w.length);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var pos = 0;
    ranges.forEach(function (r) {
      if (r[1] <= pos) return;
      var start = Math.max(r[0], pos);
      if (start > pos) frag.appendChild(document.createTextNode(text.slice(pos, start)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(start, r[1]);
      frag.appendChild(mark);
      pos = r[1];
    });
    if (pos < text.length) frag.appendChild(document.createTextNode(text.slice(pos)));
    return frag;
  }

  function score(entry, terms, phrase) {
    var s = 0;
    if (entry._title === phrase) s += 100;
    else if (entry._title.indexOf(phrase) === 0) s += 50;
    terms.forEach(function (w) { if (entry._title.indexOf(w) !== -1) s += 10; });
    return s;
  }

  function render(query) {
    results.textContent = "";
    var terms = words(query);
    if (!terms.length) {
      say(entries ? "Type to search " + entries.length + " papers, topics and authors." : "");
      return;
    }
    var phrase = terms.join(" ");
    var hits = entries.filter(function (e) {
      return terms.every(function (w) { return e._hay.indexOf(w) !== -1; });
    });
    hits.forEach(function (e) { e._score = score(e, terms, phrase); });
    hits.sort(function (a, b) { return b._score - a._score || a.title.localeCompare(b.title); });
    var total = hits.length;
    hits = hits.slice(0, MAX_RESULTS);

    if (!total) {
      say("No results for “" + query.trim() + "”.");
      return;
    }
    say((total === 1 ? "1 result" : total + " results") + " for “" + query.trim() + "”" +
      (total > MAX_RESULTS ? ", showing the first " + MAX_RESULTS + "." : "."));

    var kinds = GROUPS.slice();
    hits.forEach(function (e) {
      if (!kinds.some(function (g) { return g.kind === e.kind; })) kinds.push({ kind: e.kind, label: "Other" });
    });
    kinds.forEach(function (g) {
      var group = hits.filter(function (e) { return e.kind === g.kind; });
      if (!group.length) return;
      var section = document.createElement("section");
      section.className = "search-group";
      var h = document.createElement("h2");
      h.className = "search-group-title";
      h.textContent = g.label + " ";
      var count = document.createElement("span");
      count.className = "count";
      count.textContent = group.length;
      h.appendChild(count);
      section.appendChild(h);
      var ul = document.createElement("ul");
      ul.className = "search-result-list";
      group.forEach(function (e) {
        var li = document.createElement("li");
        li.className = "search-result";
        var a = document.createElement("a");
        a.href = e.href;
        a.appendChild(highlight(e.title, terms));
        li.appendChild(a);
        if (e.guide) {
          var g = document.createElement("span");
          g.className = "search-result-guide";
          g.appendChild(highlight(e.guide, terms));
          li.appendChild(g);
        }
        if (e.detail) {
          var d = document.createElement("span");
          d.className = "search-result-detail";
          d.appendChild(highlight(e.detail, terms));
          li.appendChild(d);
        }
        ul.appendChild(li);
      });
      section.appendChild(ul);
      results.appendChild(section);
    });
  }

  function update(pushUrl) {
    if (!entries) return;
    render(input.value);
    if (pushUrl && window.history && history.replaceState) {
      var url = new URL(window.location.href);
      if (input.value.trim()) url.searchParams.set("q", input.value.trim());
      else url.searchParams.delete("q");
      history.replaceState(null, "", url);
    }
  }

  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) input.value = initial;

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { update(true); }, 150);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    update(true);
  });

  /* The index's URLs are relative to the index itself (on a site of relative
     links, ../papers/x/index.html); a path or an absolute URL stays as it is. */
  var indexURL = new URL(form.getAttribute("data-search-index"), document.baseURI);
  var scriptURL = form.getAttribute("data-search-script");

  function use(data) {
    entries = (data && Array.isArray(data.entries) ? data.entries : []).filter(function (e) {
      return e && e.title && e.url;
    });
    entries.forEach(function (e) {
      e.href = new URL(e.url, indexURL).href;
      e.detail = e.detail || "";
      e.guide = e.guide || "";
      e._title = fold(e.title);
      e._hay = e._title + " " + fold(e.detail) + " " + fold(e.guide);
    });
    update(false);
    if (!initial) input.focus();
  }

  /* A page opened from disk can load the index only as a script, which a
     site built with --base-url relative has. */
  function failed() {
    say(window.location.protocol === "file:" && !scriptURL
      ? "Search needs the site to be served over HTTP (run `guide serve`, or publish it); " +
        "to open the site from disk, build it with --base-url relative."
      : "Sorry, the search index could not be loaded.");
  }

  /* The index as a script (search/index.js, written for a site of relative
     links): a page opened from disk may load a script, where browsers refuse
     to fetch a file:// URL. */
  function loadScript() {
    var script = document.createElement("script");
    script.src = new URL(scriptURL, document.baseURI).href;
    script.onload = function () {
      if (window.guideSearchIndex) use(window.guideSearchIndex); else failed();
    };
    script.onerror = failed;
    document.head.appendChild(script);
  }

  say("Loading the search index…");
  if (scriptURL && window.location.protocol === "file:") {
    loadScript();
  } else if (!window.fetch) {
    if (scriptURL) loadScript(); else failed();
  } else {
    fetch(indexURL.href, { headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      })
      .then(use, function () {
        if (scriptURL) loadScript(); else failed();
      });
  }
})();
