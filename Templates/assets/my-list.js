/* guide — "My list": papers starred on cards and paper pages, kept in this
   browser's local storage; nothing is sent anywhere. The my-list page shows
   them grouped by guide and, when they have times, by day; shares the list as
   a link (the papers are in the link's fragment, which browsers do not send
   to the server); and downloads it as BibTeX and as a calendar (.ics), put
   together from each paper's cite.bib and event.ics. */
(function () {
  "use strict";

  var storageKey = "guide.myList";
  var rootMeta = document.querySelector('meta[name="guide-root"]');
  var root = new URL(rootMeta ? rootMeta.getAttribute("content") : "/", document.baseURI);
  var relativeLinks = document.querySelector('meta[name="guide-links"][content="relative"]') !== null;

  function load() {
    try {
      var value = JSON.parse(localStorage.getItem(storageKey) || "[]");
      return Array.isArray(value) ? value.filter(function (key) { return typeof key === "string"; }) : [];
    } catch (error) {
      return [];
    }
  }

  function save(list) {
    try { localStorage.setItem(storageKey, JSON.stringify(list)); } catch (error) { /* private mode: the list lasts this page */ }
  }

  /* A paper's key is its page's path from the site root ("papers/x/"). */
  function pageURL(key) { return new URL(key + (relativeLinks ? "index.html" : ""), root).href; }
  function fileURL(key, name) { return new URL(key + name, root).href; }

  var live = document.createElement("p");
  live.className = "visually-hidden";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  document.body.appendChild(live);
  function announce(text) { live.textContent = ""; setTimeout(function () { live.textContent = text; }, 50); }

  /* ---------- Star buttons on cards and paper pages ---------- */

  function syncButtons() {
    var list = load();
    document.querySelectorAll("button[data-paper]").forEach(function (button) {
      button.setAttribute("aria-pressed", list.indexOf(button.getAttribute("data-paper")) >= 0 ? "true" : "false");
    });
  }

  function toggle(key, title) {
    var list = load();
    var index = list.indexOf(key);
    if (index >= 0) list.splice(index, 1); else list.push(key);
    save(list);
    syncButtons();
    announce((index >= 0 ? "Removed from" : "Added to") + " my list: " + title);
    return index < 0;
  }

  document.querySelectorAll("button[data-paper]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      toggle(button.getAttribute("data-paper"), button.getAttribute("data-title") || "");
      if (listPage) render();
    });
  });
  syncButtons();
  window.addEventListener("storage", function (event) {
    if (event.key === storageKey) { syncButtons(); if (listPage && !shared) render(); }
  });

  /* ---------- The my-list page ---------- */

  var listPage = document.getElementById("my-list");
  if (!listPage) return;
  var results = listPage.querySelector(".my-list-papers");
  var summary = listPage.querySelector(".my-list-summary");
  var actions = listPage.querySelector(".my-list-actions");
  var sharedBar = listPage.querySelector(".my-list-shared");
  var shared = sharedList();
  actions.hidden = false;

  function sharedList() {
    var match = /(?:^#|&)papers=([^&]*)/.exec(location.hash);
    if (!match) return null;
    return match[1].split(",").filter(Boolean).map(decodeURIComponent).filter(function (key) {
      return /^[^:?#]*\/$/.test(key) && key.indexOf("..") < 0;
    });
  }

  function shownKeys() { return shared || load(); }

  function fetchText(url) {
    return fetch(url).then(function (response) { return response.ok ? response.text() : null; }, function () { return null; });
  }

  /* DTSTART of the first VEVENT, as a Date; null when there is none. */
  function eventStart(ics) {
    var match = ics && /\r?\nDTSTART(?:;[^:\r\n]*)?:(\d{8}T\d{6}Z?)/.exec(ics);
    if (!match) return null;
    var t = match[1];
    var iso = t.slice(0, 4) + "-" + t.slice(4, 6) + "-" + t.slice(6, 8) + "T" + t.slice(9, 11) + ":" + t.slice(11, 13) + ":" + t.slice(13, 15) + (t.endsWith("Z") ? "Z" : "");
    var date = new Date(iso);
    return isNaN(date) ? null : date;
  }

  function el(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function names(item) {
    return (item.author || []).map(function (a) { return a.literal || [a.given, a.family].filter(Boolean).join(" "); }).join(", ");
  }

  var loaded = {};
  function loadPaper(key) {
    if (!loaded[key]) {
      loaded[key] = Promise.all([fetchText(fileURL(key, "cite.json")), fetchText(fileURL(key, "event.ics"))]).then(function (texts) {
        var item = null;
        try { var data = JSON.parse(texts[0]); item = Array.isArray(data) ? data[0] : data; } catch (error) { item = null; }
        return { key: key, item: item, ics: texts[1], starts: eventStart(texts[1]) };
      });
    }
    return loaded[key];
  }

  function render() {
    var keys = shownKeys();
    sharedBar.hidden = !shared;
    if (shared) sharedBar.querySelector(".my-list-shared-count").textContent = keys.length + (keys.length === 1 ? " paper" : " papers");
    results.textContent = "";
    actions.querySelectorAll("button").forEach(function (button) { button.disabled = keys.length === 0; });
    if (keys.length === 0) {
      summary.textContent = shared ? "The shared list is empty." : "Your list is empty. Star papers (☆ Save) on any list or paper page to add them here.";
      return;
    }
    summary.textContent = (shared ? "Shared list: " : "Your list: ") + keys.length + (keys.length === 1 ? " paper." : " papers.");
    Promise.all(keys.map(loadPaper)).then(function (papers) {
      if (papers.every(function (p) { return !p.item; }) && location.protocol === "file:") {
        summary.textContent = "The list needs the site to be served over HTTP (run `guide serve`, or publish it) to show its papers.";
        return;
      }
      var groups = [];
      var byGuide = {};
      papers.forEach(function (paper) {
        var guide = (paper.item && (paper.item["container-title"] || paper.item["event-title"])) || "";
        if (!byGuide[guide]) { byGuide[guide] = []; groups.push(guide); }
        byGuide[guide].push(paper);
      });
      groups.forEach(function (guide) {
        var section = el("section", "my-list-guide");
        if (guide) section.appendChild(el("h2", "section-title", guide));
        var timed = byGuide[guide].filter(function (p) { return p.starts; }).sort(function (a, b) { return a.starts - b.starts; });
        var untimed = byGuide[guide].filter(function (p) { return !p.starts; });
        var days = [];
        var byDay = {};
        timed.forEach(function (paper) {
          var day = paper.starts.toLocaleDateString(undefined, { weekday: "long", year: "numeric", month: "long", day: "numeric" });
          if (!byDay[day]) { byDay[day] = []; days.push(day); }
          byDay[day].push(paper);
        });
        days.forEach(function (day) {
          section.appendChild(el("h3", "my-list-day", day));
          section.appendChild(list(byDay[day]));
        });
        if (untimed.length) {
          if (days.length) section.appendChild(el("h3", "my-list-day", "Not scheduled"));
          section.appendChild(list(untimed));
        }
        results.appendChild(section);
      });
    });
  }

  function list(papers) {
    var ul = el("ul", "paper-list my-list-list");
    papers.forEach(function (paper) {
      var li = el("li", "paper-card");
      var h = el("h4", "paper-card-title");
      var a = el("a", "", paper.item ? paper.item.title : paper.key);
      a.href = pageURL(paper.key);
      h.appendChild(a);
      li.appendChild(h);
      if (paper.item) li.appendChild(el("p", "byline", names(paper.item)));
      if (paper.starts) {
        var time = el("p", "my-list-time");
        var t = el("time", "", paper.starts.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", timeZoneName: "short" }));
        t.setAttribute("datetime", paper.starts.toISOString());
        time.appendChild(t);
        li.appendChild(time);
      }
      if (!shared) {
        var remove = el("button", "my-list-remove", "Remove");
        remove.type = "button";
        remove.appendChild(el("span", "visually-hidden", " " + (paper.item ? paper.item.title : paper.key) + " from my list"));
        remove.addEventListener("click", function () {
          toggle(paper.key, paper.item ? paper.item.title : paper.key);
          render();
          summary.focus();
        });
        li.appendChild(remove);
      }
      ul.appendChild(li);
    });
    return ul;
  }

  function download(name, type, text) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  actions.querySelector(".my-list-bibtex").addEventListener("click", function () {
    Promise.all(shownKeys().map(function (key) { return fetchText(fileURL(key, "cite.bib")); })).then(function (entries) {
      download("my-list.bib", "application/x-bibtex", entries.filter(Boolean).map(function (e) { return e.trim(); }).join("\n\n") + "\n");
      announce("BibTeX of the list downloaded.");
    });
  });

  actions.querySelector(".my-list-ics").addEventListener("click", function () {
    Promise.all(shownKeys().map(loadPaper)).then(function (papers) {
      var events = [];
      papers.forEach(function (paper) {
        var match = paper.ics && /BEGIN:VEVENT[\s\S]*?END:VEVENT\r?\n/.exec(paper.ics);
        if (match) events.push(match[0].replace(/\r?\n/g, "\r\n"));
      });
      if (!events.length) { announce("No paper of the list has a time."); return; }
      download("my-list.ics", "text/calendar", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//guide//my list//EN\r\nCALSCALE:GREGORIAN\r\n" + events.join("") + "END:VCALENDAR\r\n");
      announce("Calendar of the list downloaded: " + events.length + (events.length === 1 ? " event." : " events."));
    });
  });

  actions.querySelector(".my-list-share").addEventListener("click", function () {
    var url = location.href.split("#")[0] + "#papers=" + shownKeys().map(encodeURIComponent).join(",");
    var field = listPage.querySelector(".my-list-share-link");
    field.value = url;
    field.hidden = false;
    field.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () { announce("Link to the list copied."); }, function () { announce("The link is selected: copy it."); });
    } else {
      announce("The link is selected: copy it.");
    }
  });

  sharedBar.querySelector(".my-list-adopt").addEventListener("click", function () {
    var list = load();
    shared.forEach(function (key) { if (list.indexOf(key) < 0) list.push(key); });
    save(list);
    shared = null;
    history.replaceState(null, "", location.pathname + location.search);
    syncButtons();
    render();
    announce("The shared papers are in your list.");
  });

  window.addEventListener("hashchange", function () { shared = sharedList(); render(); });
  render();
})();
