/* guide — the search page, over the split index that `guide build` writes
   (search/meta.js, search/t/N.js, search/d/N.js; README, "Search"), and the
   "/" shortcut of every page. No dependencies.

   A query's words are read as the index reads text (SearchText.swift): runs of
   letters and digits, accents dropped, lower case, stop words left out. Each
   word finds the terms it equals, begins (as you type) or is one edit away
   from (a typo), in the bucket of its first two letters; a result has every
   word, and ranks by the sum of its best matches, a title or name above what
   it is filed under, and that above its text. */
(function () {
  "use strict";

  var PAGE = 20;
  /* The version of the index this script reads (SearchIndexFiles.format): a
     copy of this file kept from another version of guide is told by it. */
  var FORMAT = 3;
  var LABELS = { guide: "Guide", topic: "Topic", author: "Author", page: "Page", posting: "Open role", paper: "Paper" };
  /* Letters that neither decompose nor lower-case to ASCII (SearchText.letterSpellings). */
  var SPELLINGS = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i" };
  /* A match's worth, times its field's weight: the word itself, a word it begins, a word one edit away. */
  var EXACT = 1, PREFIX = 0.75, TYPO = 0.5;
  /* The value of each digit of a posting list, by character code. */
  var DIGIT = new Int8Array(128);
  "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_".split("").forEach(function (c, i) {
    DIGIT[c.charCodeAt(0)] = i;
  });

  function lower(ch) {
    var l = ch.toLowerCase();
    return SPELLINGS[l] || l;
  }

  /* The folded form of a string, code point by code point (no context: a
     final capital sigma is σ here, as in the index). */
  function fold(text) {
    var out = "";
    for (var ch of String(text || "").normalize("NFD").replace(/\p{M}/gu, "")) out += lower(ch);
    return out;
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

  /* ---- Loading the index's files: each is a script that calls guideSearchLoaded. */

  /* meta.js afresh (it names the index's stamp); the other files with the
     stamp, so that a browser's cache never mixes two builds' files. */
  var metaURL = new URL(form.getAttribute("data-search-index"), document.baseURI);
  var stamp = "";
  var files = {};   /* name → promise of its data */
  var waiting = {}; /* name → resolve */

  window.guideSearchLoaded = function (name, data) {
    if (waiting[name]) { waiting[name](data); delete waiting[name]; }
  };

  function load(name) {
    if (!files[name]) {
      files[name] = new Promise(function (resolve, reject) {
        waiting[name] = resolve;
        var script = document.createElement("script");
        script.src = new URL(name === "meta" ? "meta.js?t=" + Date.now() : name + ".js?v=" + stamp, metaURL).href;
        script.onload = function () {
          if (waiting[name]) { delete waiting[name]; delete files[name]; reject(new Error(name)); }
        };
        script.onerror = function () { delete waiting[name]; delete files[name]; reject(new Error(name)); };
        document.head.appendChild(script);
      });
    }
    return files[name];
  }

  var meta = null;
  var stop = Object.create(null); /* no "constructor" from a prototype: it is a word */
  var decoded = {}; /* "bucket term" → [doc, weight, doc, weight, …] */

  /* ---- Reading a query. */

  function words(query) {
    return (fold(query).match(/[\p{L}\p{N}]+/gu) || []).filter(function (w) { return !stop[w]; });
  }

  function bucketOf(term) {
    var head = Array.from(term).slice(0, 2).join("");
    var bytes = new TextEncoder().encode(head);
    var hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193) >>> 0;
    return hash % meta.buckets;
  }

  /* Whether a and b are one insertion, deletion, substitution or swap of
     neighbours apart. */
  function oneEdit(a, b) {
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1 || a === b) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  function postings(bucket, term, list) {
    var key = bucket + " " + term;
    if (decoded[key]) return decoded[key];
    var out = [], doc = -1, value = 0;
    for (var i = 0; i < list.length; i++) {
      var digit = DIGIT[list.charCodeAt(i)];
      if (digit >= 32) { value = value * 32 + digit - 32; continue; }
      value = value * 32 + digit;
      doc += Math.floor(value / 4);
      out.push(doc, value % 4);
      value = 0;
    }
    decoded[key] = out;
    return out;
  }

  /* The documents a word finds in some buckets, with the best score of each;
     the terms it matched, to highlight. */
  function find(word, buckets, data) {
    var scores = new Map(), matched = [];
    buckets.forEach(function (bucket, index) {
      var terms = data[index];
      for (var term in terms) {
        var worth = term === word ? EXACT
          : word.length >= 2 && term.lastIndexOf(word, 0) === 0 ? PREFIX
          : word.length >= 4 && (oneEdit(word, term) || oneEdit(word, term.slice(0, word.length))) ? TYPO : 0;
        if (!worth) continue;
        matched.push(term);
        var list = postings(bucket, term, terms[term]);
        for (var i = 0; i < list.length; i += 2) {
          var score = list[i + 1] * worth;
          if (!(scores.get(list[i]) >= score)) scores.set(list[i], score);
        }
      }
    });
    return { scores: scores, matched: matched };
  }

  /* A word's matches: in its own bucket, and when that has none, in the
     buckets a typo in its first two letters would have missed (letters
     swapped, a letter too many). */
  function match(word) {
    var own = [bucketOf(word)];
    return Promise.all(own.map(function (b) { return load("t/" + b); })).then(function (data) {
      var found = find(word, own, data);
      if (found.scores.size || word.length < 4) return found;
      var c = Array.from(word);
      var others = [c[1] + c[0], c[0] + c[2], c[1] + c[2]].map(bucketOf).filter(function (b, i, all) {
        return own.indexOf(b) === -1 && all.indexOf(b) === i;
      });
      return Promise.all(others.map(function (b) { return load("t/" + b); })).then(function (data) {
        return find(word, others, data);
      });
    });
  }

  /* Every document that matches every word, best first; equal scores in the
     index's order (guides, topics, authors, pages, postings, papers). */
  function search(query) {
    var ws = words(query);
    if (!ws.length) return Promise.resolve({ words: [], hits: [], matched: [] });
    return Promise.all(ws.map(match)).then(function (found) {
      found.sort(function (a, b) { return a.scores.size - b.scores.size; });
      var hits = [];
      found[0].scores.forEach(function (score, doc) {
        for (var i = 1; i < found.length; i++) {
          var s = found[i].scores.get(doc);
          if (s === undefined) return;
          score += s;
        }
        hits.push([doc, score]);
      });
      hits.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      var matched = [];
      found.forEach(function (f) { matched = matched.concat(f.matched); });
      return { words: ws, hits: hits, matched: ws.concat(matched) };
    });
  }

  /* The chunk that holds document d: meta.chunks lists them in order, each as
     [documents, name], and chunkStarts holds the number of each one's first. */
  var chunkStarts = [];
  function chunkOf(d) {
    var low = 0, high = chunkStarts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (chunkStarts[middle] <= d) low = middle; else high = middle - 1;
    }
    return low;
  }

  /* The results of documents, as [kind, title, url, detail, guide]. */
  function records(docs) {
    var chunks = [];
    docs.forEach(function (d) {
      var c = chunkOf(d);
      if (chunks.indexOf(c) === -1) chunks.push(c);
    });
    return Promise.all(chunks.map(function (c) { return load("d/" + meta.chunks[c][1]); })).then(function (data) {
      return docs.map(function (d) {
        var c = chunkOf(d);
        return data[chunks.indexOf(c)][d - chunkStarts[c]];
      });
    });
  }

  /* ---- Showing results. */

  function say(text) {
    status.textContent = text;
  }

  function highlight(text, terms) {
    var frag = document.createDocumentFragment();
    var f = foldWithMap(text);
    var ranges = [];
    terms.forEach(function (w) {
      if (!w) return;
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

  function span(className, content) {
    var s = document.createElement("span");
    s.className = className;
    if (typeof content === "string") s.textContent = content; else s.appendChild(content);
    return s;
  }

  function resultItem(record, terms) {
    var li = document.createElement("li");
    li.className = "search-result search-result-" + record[0];
    var a = document.createElement("a");
    a.className = "search-result-link";
    a.href = new URL(record[2], document.baseURI).href;
    a.appendChild(highlight(record[1], terms));
    li.appendChild(a);
    var about = span("search-result-about", LABELS[record[0]] || record[0]);
    if (record[4]) about.appendChild(document.createTextNode(" · " + record[4]));
    li.appendChild(about);
    if (record[3]) li.appendChild(span("search-result-detail", highlight(record[3], terms)));
    return li;
  }

  var current = null; /* the shown query: {text, words, hits, matched, shown, list} */
  var sequence = 0;

  function plural(n, word) {
    return n.toLocaleString("en") + " " + word + (n === 1 ? "" : "s");
  }

  function describe() {
    var total = current.hits.length;
    say(plural(total, "result") + " for “" + current.text + "”" +
      (current.shown < total ? ", showing the first " + current.shown.toLocaleString("en") + "." : "."));
  }

  /* Shows the next page of results; resolves to the first new item. */
  function showMore() {
    var from = current.shown, page = current.hits.slice(from, from + PAGE);
    var shown = current;
    return records(page.map(function (h) { return h[0]; })).then(function (recs) {
      if (shown !== current) return null;
      var first = null;
      recs.forEach(function (r) {
        if (!r) return;
        var li = resultItem(r, current.matched);
        current.list.appendChild(li);
        first = first || li;
      });
      current.shown = from + page.length;
      var more = document.getElementById("search-more");
      if (current.shown < current.hits.length) {
        if (!more) {
          more = document.createElement("button");
          more.type = "button";
          more.id = "search-more";
          more.className = "button search-more";
          more.addEventListener("click", function () {
            showMore().then(function (li) { if (li) li.querySelector("a").focus(); });
          });
          results.appendChild(more);
        }
        var next = Math.min(PAGE, current.hits.length - current.shown);
        more.textContent = "Show " + next + " more results (" + (current.hits.length - current.shown).toLocaleString("en") + " left)";
      } else if (more) {
        more.remove();
      }
      describe();
      return first;
    });
  }

  function run(text) {
    var mine = ++sequence;
    text = text.trim();
    if (!words(text).length) {
      current = null;
      results.textContent = "";
      say(text ? "Type a word to search for." : "Search " + meta.documents.toLocaleString("en") + " papers, topics and authors.");
      return Promise.resolve();
    }
    return search(text).then(function (found) {
      if (mine !== sequence) return;
      results.textContent = "";
      if (!found.hits.length) {
        current = null;
        say("No results for “" + text + "”.");
        return;
      }
      var list = document.createElement("ol");
      list.className = "search-result-list";
      results.appendChild(list);
      current = { text: text, hits: found.hits, matched: found.matched, shown: 0, list: list };
      return showMore();
    }, function () {
      if (mine === sequence) say("Sorry, the search index could not be loaded.");
    });
  }

  var urlTimer = 0;
  function remember(text) {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(function () {
      if (!window.history || !history.replaceState) return;
      var url = new URL(window.location.href);
      if (text.trim()) url.searchParams.set("q", text.trim()); else url.searchParams.delete("q");
      history.replaceState(null, "", url);
    }, 300);
  }

  /* ---- Keyboard: ↓ from the field to the results, ↑/↓ between them, Escape back to the field. */

  function resultLinks() {
    return Array.prototype.slice.call(results.querySelectorAll(".search-result-link, #search-more"));
  }

  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") {
      var links = resultLinks();
      if (links.length) { e.preventDefault(); links[0].focus(); }
    } else if (e.key === "Escape" && input.value) {
      e.preventDefault();
      input.value = "";
      run("");
      remember("");
    }
  });

  results.addEventListener("keydown", function (e) {
    var links = resultLinks(), at = links.indexOf(document.activeElement);
    if (at === -1) return;
    if (e.key === "ArrowDown" && at + 1 < links.length) {
      e.preventDefault();
      links[at + 1].focus();
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      (at > 0 ? links[at - 1] : input).focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      input.focus();
      input.select();
    }
  });

  input.addEventListener("input", function () {
    if (!meta) return;
    run(input.value);
    remember(input.value);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    if (!meta) return;
    run(input.value).then(function () {
      var links = resultLinks();
      if (links.length) links[0].focus();
    });
    remember(input.value);
  });

  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) input.value = initial;

  say("Loading the search index…");
  load("meta").then(function (data) {
    if (data.version !== FORMAT) {
      say("Sorry, search is unavailable: the site's search index (version " + data.version +
        ") and this page's search script (version " + FORMAT + ") come from different versions of guide.");
      return;
    }
    meta = data;
    stamp = encodeURIComponent(meta.stamp || "");
    var start = 0;
    (meta.chunks || []).forEach(function (chunk) { chunkStarts.push(start); start += chunk[0]; });
    (meta.stopWords || []).forEach(function (w) { stop[w] = true; });
    run(input.value);
    if (!initial) input.focus();
  }, function () {
    say(window.location.protocol === "file:"
      ? "Sorry, the search index could not be loaded from disk: search/meta.js is missing."
      : "Sorry, the search index could not be loaded.");
  });
})();
