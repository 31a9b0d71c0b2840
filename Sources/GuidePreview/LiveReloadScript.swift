/// The browser side of live reload, and its injection into HTML responses.
///
/// The script connects to ``LiveReloadScript/eventsPath`` with `EventSource` and:
/// - `reload`: fetches the page again and writes it over the open document
///   (`document.open`, `write`, `close`): the page's scripts run again on the
///   new document as on a load, and the scroll position stays. Navigating
///   (`location.reload()`) took 75–90 ms to show a 116 KB page in headless
///   Chromium, against 20–30 ms this way: the old page is not torn down and
///   its assets are not asked for again before it shows. A page that is gone,
///   moved or not HTML any more is reloaded as usual;
/// - `css`: swaps every same-origin `<link rel=stylesheet>` for a copy with a
///   cache-busting query, without reloading;
/// - `error`: shows a fixed overlay (`role="alertdialog"`) with the build error;
/// - `ok`: removes the overlay and reloads;
/// - `hello` (sent on every connect): after a lost connection, reloads once if
///   the server restarted or events were missed meanwhile.
public enum LiveReloadScript {
    /// Path of the Server-Sent Events stream.
    public static let eventsPath = "/__guide/events"
    /// Path the script itself is served from.
    public static let scriptPath = "/__guide/live-reload.js"
    /// The tag inserted into HTML responses.
    public static let tag = "<script src=\"/__guide/live-reload.js\" defer></script>"

    /// Inserts ``tag`` before the first `</head>`, else before the last `</body>`,
    /// else at the end (case-insensitive). The input is not modified.
    public static func inject(into html: [UInt8]) -> [UInt8] {
        let insertion = Array(tag.utf8)
        let index = firstIndex(of: "</head", in: html) ?? lastIndex(of: "</body", in: html) ?? html.count
        var result: [UInt8] = []
        result.reserveCapacity(html.count + insertion.count)
        result.append(contentsOf: html[..<index])
        result.append(contentsOf: insertion)
        result.append(contentsOf: html[index...])
        return result
    }

    private static func matches(_ needle: [UInt8], in haystack: [UInt8], at index: Int) -> Bool {
        for offset in 0..<needle.count {
            var byte = haystack[index + offset]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
            if byte != needle[offset] { return false }
        }
        return true
    }

    private static func firstIndex(of needle: String, in haystack: [UInt8]) -> Int? {
        let needle = Array(needle.utf8)
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { matches(needle, in: haystack, at: $0) }
    }

    private static func lastIndex(of needle: String, in haystack: [UInt8]) -> Int? {
        let needle = Array(needle.utf8)
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).reversed().first { matches(needle, in: haystack, at: $0) }
    }

    /// The JavaScript served at ``scriptPath``.
    public static let source = #"""
    // guide preview: live reload (injected by `guide serve`, not part of the site).
    (function () {
      "use strict";
      if (window.__guideLiveReload || typeof EventSource === "undefined") return;
      window.__guideLiveReload = true;

      var EVENTS = "/__guide/events";
      var OVERLAY_ID = "__guide-error-overlay";
      var seen = null;       // "serverID:generation" of the last event seen
      var lost = false;      // the connection dropped since the last hello
      var source = null;

      function version(data) {
        return (data.server || (seen ? seen.split(":")[0] : "")) + ":" + data.generation;
      }

      function parse(event) {
        try { return JSON.parse(event.data || "{}"); } catch (e) { return {}; }
      }

      // Pages written over the document in place so far (read by the tests
      // and benchmarks to tell the new document from the old).
      window.__guideLiveReloads = 0;
      var latest = 0;        // the newest reload under way

      function reload() {
        var ticket = ++latest;
        fetch(window.location.href, { cache: "no-store", credentials: "same-origin" }).then(function (response) {
          var type = response.headers.get("Content-Type") || "";
          if (!response.ok || response.redirected || !/^text\/html/i.test(type)) throw new Error("no page to write");
          return response.text();
        }).then(function (html) {
          if (ticket !== latest) return;
          var x = window.scrollX, y = window.scrollY;
          // Opening the document drops every node and every listener of the
          // document and the window: the page's scripts add theirs again.
          document.open();
          document.write(html);
          document.close();
          window.scrollTo(x, y);
          listenToPage();
          if (source && source.readyState === EventSource.CLOSED) { lost = true; connect(); }
          window.__guideLiveReloads += 1;
        }).catch(function () {
          if (ticket === latest) window.location.reload();
        });
      }

      function swapStylesheets() {
        var links = document.querySelectorAll("link[rel~='stylesheet' i]");
        var stamp = String(Date.now());
        Array.prototype.forEach.call(links, function (link) {
          var url;
          try { url = new URL(link.href, window.location.href); } catch (e) { return; }
          if (url.origin !== window.location.origin) return;
          url.searchParams.set("__guide", stamp);
          var copy = link.cloneNode(false);
          copy.href = url.href;
          var done = false;
          function finish() { if (!done) { done = true; link.remove(); } }
          copy.addEventListener("load", finish);
          copy.addEventListener("error", finish);
          setTimeout(finish, 2000);
          link.after(copy);
        });
      }

      function removeOverlay() {
        var old = document.getElementById(OVERLAY_ID);
        if (old) old.remove();
      }

      function showOverlay(message) {
        removeOverlay();
        var host = document.createElement("div");
        host.id = OVERLAY_ID;
        var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
        var style = document.createElement("style");
        style.textContent =
          ":host{all:initial}" +
          ".backdrop{position:fixed;inset:0;z-index:2147483647;display:flex;align-items:flex-start;" +
          "justify-content:center;padding:5vh 1rem;background:rgba(0,0,0,.55);overflow:auto;" +
          "font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif}" +
          ".dialog{box-sizing:border-box;width:min(60rem,100%);background:#fff;color:#1a1a1a;" +
          "border-top:6px solid #c62828;border-radius:8px;padding:1.25rem 1.5rem;" +
          "box-shadow:0 10px 40px rgba(0,0,0,.4)}" +
          "h2{margin:0 0 .75rem;font-size:1.2rem;color:#b71c1c}" +
          "pre{margin:0;padding:1rem;white-space:pre-wrap;word-break:break-word;overflow:auto;max-height:60vh;" +
          "background:#f6f6f6;color:#1a1a1a;border-radius:6px;" +
          "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}" +
          "p{margin:.75rem 0 0;font-size:.85rem;color:#555}" +
          "button{float:right;font:inherit;border:1px solid #999;border-radius:4px;background:transparent;" +
          "color:inherit;padding:.1rem .6rem;cursor:pointer}" +
          "@media (prefers-color-scheme: dark){" +
          ".dialog{background:#1e1e1e;color:#eee;border-top-color:#ef5350}" +
          "h2{color:#ef9a9a}pre{background:#2a2a2a;color:#f0f0f0}p{color:#aaa}button{border-color:#777}}";
        var backdrop = document.createElement("div");
        backdrop.className = "backdrop";
        var dialog = document.createElement("div");
        dialog.className = "dialog";
        dialog.setAttribute("role", "alertdialog");
        dialog.setAttribute("aria-modal", "true");
        dialog.setAttribute("aria-labelledby", "guide-error-title");
        dialog.setAttribute("aria-describedby", "guide-error-message");
        var close = document.createElement("button");
        close.type = "button";
        close.textContent = "Dismiss";
        close.setAttribute("aria-label", "Dismiss build error");
        close.addEventListener("click", removeOverlay);
        var title = document.createElement("h2");
        title.id = "guide-error-title";
        title.textContent = "Build failed";
        var pre = document.createElement("pre");
        pre.id = "guide-error-message";
        pre.textContent = String(message || "Unknown error");   // textContent: never parsed as HTML
        var hint = document.createElement("p");
        hint.textContent = "Fix the error and save: the page reloads when the build succeeds.";
        dialog.appendChild(close);
        dialog.appendChild(title);
        dialog.appendChild(pre);
        dialog.appendChild(hint);
        backdrop.appendChild(dialog);
        root.appendChild(style);
        root.appendChild(backdrop);
        (document.body || document.documentElement).appendChild(host);
        close.focus();
      }

      function connect() {
        source = new EventSource(EVENTS);
        source.addEventListener("hello", function (event) {
          var data = parse(event);
          var current = version(data);
          if (lost && seen !== null && current !== seen) { reload(); return; }
          lost = false;
          seen = current;
        });
        source.addEventListener("reload", function (event) {
          seen = version(parse(event));
          reload();
        });
        source.addEventListener("css", function (event) {
          seen = version(parse(event));
          removeOverlay();
          swapStylesheets();
        });
        source.addEventListener("error", function (event) {
          if (typeof event.data !== "string") {
            // Connection problem, not a build error: EventSource retries by itself.
            lost = true;
            if (source.readyState === EventSource.CLOSED) {
              source.close();
              setTimeout(connect, 1000);
            }
            return;
          }
          var data = parse(event);
          seen = version(data);
          showOverlay(data.message);
        });
        source.addEventListener("ok", function (event) {
          seen = version(parse(event));
          removeOverlay();
          reload();
        });
      }

      connect();
      // A page kept in the back-forward cache would keep its connection open,
      // and browsers allow six per host: close it when the page is left, and
      // connect again (reloading if the site changed meanwhile) when it is back.
      function onPageHide() { if (source) source.close(); }
      function onPageShow(event) {
        if (!event.persisted) return;
        lost = true;
        connect();
      }
      // Added again after a page is written in place; the same functions are
      // never added twice.
      function listenToPage() {
        window.addEventListener("pagehide", onPageHide);
        window.addEventListener("pageshow", onPageShow);
      }
      listenToPage();
    })();
    """#
}
