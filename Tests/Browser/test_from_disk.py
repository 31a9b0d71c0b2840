#!/usr/bin/env python3
"""A site built with `--base-url relative`, opened from disk (file://) in headless Chromium.

Builds the seed guide (the repository's Content/ and Templates/) with
`--base-url relative` into a temporary folder, and checks:

  - every link of every page and file (a href, link href, script src, img src,
    form action, and the search index's URLs) is relative, and leads to a file
    that exists (a page's `index.html`, never a bare folder, which a browser
    shows as a listing on file://), and a #fragment to an id on that page; the
    same for the three-guide fixture site with 2 papers to a page, whose pages
    sit one folder deeper and whose lists of papers have pages 2, 3, …;
  - opened from file:///…/index.html, the home page has its stylesheet applied;
    following a link to a paper page, then to an author page, works, and on
    the home, paper and author pages every <a href>, <link href>, <script src>
    and <img src>, as the browser resolves it, is an existing file;
  - search works from disk: the search page loads its index's files as
    scripts (search/meta.js, search/t/N.js, search/d/NAME.js) and lists results
    whose links open, and the search box in the header of a paper page leads
    there; without search/meta.js, the search page says the index could not
    be loaded;
  - served over HTTP, the same folder's search still works;
  - the default build (base_url "/") prints one warning about the base URL
    and writes no invalid sitemap or feed: no sitemap.xml, no `Sitemap:` line,
    every Atom <id> an absolute IRI, no canonical link.

Needs Debian's `chromium` and `chromium-driver` and `pip install selenium`.

    python3 Tests/Browser/test_from_disk.py --guide .build/debug/guide [--screenshot PATH]

The binary may also be given with the GUIDE_BINARY environment variable.
Prints `N passed, N failed` last and exits 1 when a check failed.
"""

import argparse
import functools
import html.parser
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
import xml.etree.ElementTree as ElementTree

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
THREE_GUIDES = os.path.join(REPO, "Tests", "Fixtures", "sites", "three-guides", "Content")
WAIT = 20.0
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def wait_for(condition, timeout=WAIT, interval=0.05):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            return None
        time.sleep(interval)


def build(guide, content, output, base_url=None, site_yml=None):
    """Runs `guide build`; returns its stderr. `site_yml` replaces Content/site.yml (in a copy)."""
    if site_yml is not None:
        copy = os.path.join(os.path.dirname(output), "Content")
        shutil.copytree(content, copy)
        with open(os.path.join(copy, "site.yml"), "a", encoding="utf-8") as handle:
            handle.write(site_yml)
        content = copy
    command = [guide, "build", "--content", content, "--templates", os.path.join(REPO, "Templates"), "--output", output]
    if base_url is not None:
        command += ["--base-url", base_url]
    run = subprocess.run(command, cwd=REPO, capture_output=True, text=True, encoding="utf-8")
    check(run.returncode == 0, f"guide build failed ({run.returncode}):\n{run.stdout}\n{run.stderr}")
    return run.stderr


# --- links, without a browser ---

class Links(html.parser.HTMLParser):
    """The URLs a page links to, and the ids it has."""
    ATTRIBUTES = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("form", "action"),
                  ("iframe", "src"), ("source", "src")}

    def __init__(self):
        super().__init__()
        self.urls = []
        self.ids = set()
        self.data = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if (tag, name) in self.ATTRIBUTES and value is not None:
                self.urls.append((tag, name, value))
            if name.startswith("data-search-") and value:
                self.data.append((tag, name, value))


def parse(path):
    parser = Links()
    with open(path, encoding="utf-8") as handle:
        parser.feed(handle.read())
    return parser


def site_files(root):
    for folder, _, names in os.walk(root):
        for name in names:
            yield os.path.relpath(os.path.join(folder, name), root)


def check_link(root, page, url, ids_of, problems, what):
    """A relative link from `page` (relative to `root`) must reach an existing file (and id)."""
    parts = urllib.parse.urlsplit(url)
    # A link to another site (a paper's PDF, its DOI) is the guide's content, not
    # one of the site's own: only resources must never leave the folder.
    if what == "<a href>" and parts.scheme in ("http", "https"):
        return
    if parts.scheme or url.startswith("//"):
        problems.append(f"{page}: {what} {url!r} is not relative")
        return
    if url.startswith("/"):
        problems.append(f"{page}: {what} {url!r} starts at the root of the disk, not at the page")
        return
    target = os.path.normpath(os.path.join(os.path.dirname(page), urllib.parse.unquote(parts.path))) if parts.path else page
    if target.startswith(".."):
        problems.append(f"{page}: {what} {url!r} leaves the site")
        return
    full = os.path.join(root, target)
    if os.path.isdir(full):
        problems.append(f"{page}: {what} {url!r} is a folder (a listing on file://), not its index.html")
    elif not os.path.isfile(full):
        problems.append(f"{page}: {what} {url!r} leads to {target}, which does not exist")
    elif parts.fragment and target.endswith(".html") and parts.fragment not in ids_of(target):
        problems.append(f"{page}: {what} {url!r}: {target} has no id {parts.fragment!r}")


def check_all_links(root):
    """Every link of every page and of the search index; returns how many were checked."""
    ids = {}

    def ids_of(page):
        if page not in ids:
            ids[page] = parse(os.path.join(root, page)).ids
        return ids[page]

    problems, count = [], 0
    for page in sorted(site_files(root)):
        full = os.path.join(root, page)
        with open(full, "rb") as handle:
            if b"\x01" in handle.read():
                problems.append(f"{page}: holds the root marker U+0001")
        if not page.endswith(".html"):
            continue
        parsed = parse(full)
        ids[page] = parsed.ids
        for tag, attribute, url in parsed.urls + parsed.data:
            count += 1
            check_link(root, page, url, ids_of, problems, f"<{tag} {attribute}>")
    # The search results' links, as the search page resolves them.
    chunks = sorted(os.listdir(os.path.join(root, "search", "d")))
    check(chunks, "search/d/ holds the results of the index")
    for chunk in chunks:
        with open(os.path.join(root, "search", "d", chunk), encoding="utf-8") as handle:
            script = handle.read()
        match = re.fullmatch(r'guideSearchLoaded\("d/' + re.escape(chunk[:-3]) + r'",(.*)\);\n', script, re.S)
        check(match, f"search/d/{chunk} hands its results to guideSearchLoaded")
        for record in json.loads(match.group(1)) if match else []:
            count += 1
            check_link(root, "search/index.html", record[2], ids_of, problems, "search result")
    check(not problems, f"{len(problems)} broken links:\n  " + "\n  ".join(problems[:40]))
    return count


# --- the browser ---

def start_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1200,900", "--disable-extensions", "--no-first-run"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")
                                              or "/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(30)
    return driver


def file_url(path):
    return "file://" + urllib.parse.quote(os.path.abspath(path))


def path_of(url):
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.unquote(parts.path) if parts.scheme == "file" else None


STYLED = """
var body = getComputedStyle(document.body);
var header = document.querySelector('.site-header');
return {
  sheets: document.styleSheets.length,
  margin: body.marginTop,
  font: body.fontFamily,
  header: header ? getComputedStyle(header).display : null,
  skip: getComputedStyle(document.querySelector('.skip-link')).position
};
"""

RESOURCES = """
var urls = [];
document.querySelectorAll('a[href]').forEach(function (e) { urls.push(['a', e.getAttribute('href'), e.href]); });
document.querySelectorAll('link[href]').forEach(function (e) { urls.push(['link', e.getAttribute('href'), e.href]); });
document.querySelectorAll('script[src]').forEach(function (e) { urls.push(['script', e.getAttribute('src'), e.src]); });
document.querySelectorAll('img[src]').forEach(function (e) { urls.push(['img', e.getAttribute('src'), e.src]); });
return urls;
"""


class FromDiskTest:
    def __init__(self, guide, screenshot):
        self.guide = guide
        self.screenshot = screenshot
        self.folder = tempfile.mkdtemp(prefix="guide-from-disk-")
        self.site = os.path.join(self.folder, "seed", "Output")
        self.driver = None
        self.passed = 0
        self.failed = 0

    def run(self, name, body):
        started = time.monotonic()
        try:
            body()
        except Exception as error:  # a failed check or a browser problem: report and go on
            self.failed += 1
            detail = str(error) if isinstance(error, Failure) else traceback.format_exc()
            print(f"FAIL {name} ({time.monotonic() - started:.1f} s): {detail}", flush=True)
            return False
        self.passed += 1
        print(f"ok   {name} ({time.monotonic() - started:.1f} s)", flush=True)
        return True

    def page(self, relative):
        return os.path.join(self.site, relative)

    def open(self, relative_or_url):
        """Opens a URL, or a file of the site with an optional ?query."""
        if "://" in relative_or_url:
            url = relative_or_url
        else:
            path, _, query = relative_or_url.partition("?")
            url = file_url(self.page(path)) + ("?" + query if query else "")
        self.driver.get(url)
        wait_for(lambda: self.driver.execute_script("return document.readyState") == "complete")

    def click(self, element):
        """Clicks a link as a reader would, scrolled to the middle of the window (clear of the sticky header)."""
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
        element.click()

    def check_styled(self, where):
        style = self.driver.execute_script(STYLED)
        check(style["sheets"] >= 1, f"{where}: no stylesheet: {style}")
        check(style["margin"] == "0px", f"{where}: the stylesheet is not applied (body margin {style['margin']}): {style}")
        check("Times" not in style["font"], f"{where}: the stylesheet is not applied (font {style['font']}): {style}")
        check(style["skip"] == "absolute", f"{where}: the skip link is not styled: {style}")

    def check_resources(self, where):
        """Every link of the open page, as the browser resolves it, is an existing file of the site."""
        urls = self.driver.execute_script(RESOURCES)
        check(len(urls) > 10, f"{where}: only {len(urls)} links")
        site = os.path.realpath(self.site)
        problems = []
        for tag, written, resolved in urls:
            if written.startswith("#") or (tag == "a" and resolved.startswith(("http://", "https://"))):
                continue  # an anchor on the page, or a link to another site (a paper's PDF)
            path = path_of(resolved.split("#")[0])
            if path is None:
                problems.append(f"<{tag}> {written!r} → {resolved} is not a file:// URL")
            elif not os.path.realpath(path).startswith(site + os.sep):
                problems.append(f"<{tag}> {written!r} → {path} is outside the site")
            elif not os.path.isfile(path):
                problems.append(f"<{tag}> {written!r} → {path} is not a file")
        check(not problems, f"{where}: {len(problems)} of {len(urls)} links lead nowhere:\n  " + "\n  ".join(problems[:20]))
        return len(urls)

    # --- the checks ---

    def test_build(self):
        stderr = build(self.guide, os.path.join(REPO, "Content"), self.site, base_url="relative")
        warnings = [line for line in stderr.splitlines() if "base-url" in line or "base_url" in line]
        check(len(warnings) == 1 and "not an absolute URL" in warnings[0],
              f"one warning about the base URL, got {warnings!r}")
        check(not os.path.exists(self.page("sitemap.xml")), "no sitemap.xml without an absolute base URL")
        check(os.path.isfile(self.page("search/meta.js")), "search/meta.js is written")

    def test_links_of_the_seed_site(self):
        count = check_all_links(self.site)
        print(f"     {count} links checked", flush=True)

    def test_links_of_three_guides(self):
        output = os.path.join(self.folder, "three", "Output")
        build(self.guide, THREE_GUIDES, output, base_url="relative", site_yml="\npapers_per_page: 2\n")
        check(os.path.isfile(os.path.join(output, "icml-2023", "papers", "page", "2", "index.html")),
              "the three-guide site has a second page of papers")
        count = check_all_links(output)
        print(f"     {count} links checked", flush=True)

    def test_home_from_disk(self):
        self.driver = start_browser()
        self.open("index.html")
        check(self.driver.find_element(By.CSS_SELECTOR, "h1").text.strip(), "the home page has a title")
        self.check_styled("home")
        count = self.check_resources("home")
        print(f"     home: {count} links, all existing files", flush=True)
        if self.screenshot:
            self.driver.save_screenshot(self.screenshot)
            print(f"     screenshot: {self.screenshot}", flush=True)

    def test_paper_then_author(self):
        self.open("index.html")
        links = [a for a in self.driver.find_elements(By.CSS_SELECTOR, ".topic-card-papers a[href]")]
        check(links, "the home page links to papers")
        written = links[0].get_attribute("href")
        self.click(links[0])
        check(wait_for(lambda: re.search(r"/papers/[^/]+/index\.html$", self.driver.current_url)),
              f"the paper link {written} opened {self.driver.current_url}")
        wait_for(lambda: self.driver.execute_script("return document.readyState") == "complete")
        check(self.driver.find_element(By.CSS_SELECTOR, "h1.page-title").text.strip(), "the paper page has a title")
        self.check_styled("paper")
        count = self.check_resources("paper")
        print(f"     paper {self.driver.current_url.split('/papers/')[1]}: {count} links", flush=True)
        authors = self.driver.find_elements(By.CSS_SELECTOR, ".byline a[href]")
        check(authors, "the paper page links to its authors")
        name = authors[0].text.strip()
        self.click(authors[0])
        check(wait_for(lambda: re.search(r"/authors/[^/]+/index\.html$", self.driver.current_url)),
              f"the author link opened {self.driver.current_url}")
        wait_for(lambda: self.driver.execute_script("return document.readyState") == "complete")
        check(self.driver.find_element(By.CSS_SELECTOR, "h1.page-title").text.strip() == name,
              f"the author page is {name}'s")
        self.check_styled("author")
        count = self.check_resources("author")
        print(f"     author {name}: {count} links", flush=True)
        # And back up: the header's home link.
        self.click(self.driver.find_element(By.CSS_SELECTOR, "a.brand"))
        check(wait_for(lambda: self.driver.current_url == file_url(self.page("index.html"))),
              f"the header's home link opened {self.driver.current_url}")

    def search_results(self):
        return wait_for(lambda: self.driver.execute_script(
            "return Array.prototype.map.call(document.querySelectorAll('#search-results a'), function (a) { return a.href; })"))

    def test_search_from_disk(self):
        self.open("search/index.html?q=bandit")
        results = self.search_results()
        status = self.status()
        check(results, f"no search results from disk; the page says {status!r}")
        check("result" in status, f"the status line counts results: {status!r}")
        for url in results:
            path = path_of(url)
            check(path and os.path.isfile(path), f"search result {url} is not an existing file")
        self.click(self.driver.find_element(By.CSS_SELECTOR, "#search-results a"))
        check(wait_for(lambda: "/search/" not in self.driver.current_url and self.driver.current_url.endswith("/index.html")),
              f"the first result opened {self.driver.current_url}")
        print(f"     {len(results)} results for 'bandit'", flush=True)

    def test_header_search_from_disk(self):
        papers = sorted(name for name in os.listdir(self.page("papers")) if name != "index.html")
        self.open(f"papers/{papers[0]}/index.html")
        field = self.driver.find_element(By.ID, "header-search-input")
        field.send_keys("privacy", Keys.ENTER)
        check(wait_for(lambda: "/search/index.html?q=privacy" in self.driver.current_url),
              f"the header's search box opened {self.driver.current_url}")
        check(self.search_results(), f"the header's search found nothing from disk: {self.status()!r}")
        self.check_styled("search")

    def test_search_fallback_message(self):
        """Without its index, the search page says so, on file://."""
        script = self.page("search/meta.js")
        os.rename(script, script + ".kept")
        try:
            self.open("search/index.html?q=bandit")
            status = wait_for(lambda: "could not be loaded" in self.status() and self.status())
            check(status and "search/meta.js" in status, f"a missing search/meta.js is reported: {self.status()!r}")
        finally:
            os.rename(script + ".kept", script)

    def status(self):
        return self.driver.execute_script("var s = document.getElementById('search-status'); return s ? s.textContent : ''")

    def test_search_over_http(self):
        handler = functools.partial(Quiet, directory=self.site)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            base = f"http://127.0.0.1:{server.server_address[1]}/"
            self.open(base + "search/index.html?q=bandit")
            results = self.search_results()
            check(results and all(url.startswith(base) and url.endswith("/index.html") for url in results),
                  f"search over HTTP: {results}")
            self.check_styled("search over HTTP")
        finally:
            server.shutdown()

    def test_default_build_writes_nothing_invalid(self):
        output = os.path.join(self.folder, "default", "Output")
        stderr = build(self.guide, os.path.join(REPO, "Content"), output)
        warnings = [line for line in stderr.splitlines() if "base_url" in line]
        check(len(warnings) == 1, f"one warning about base_url, got {warnings!r}")
        check(warnings[0].startswith("Content/site.yml: warning: base_url \"/\" (the default) is not an absolute URL"),
              f"the warning: {warnings[0]!r}")
        for needed in ("sitemap.xml is not written", "robots.txt names no sitemap", "no canonical link", "urn:uuid:"):
            check(needed in warnings[0], f"the warning says {needed!r}: {warnings[0]!r}")
        sitemap = os.path.join(output, "sitemap.xml")
        if os.path.exists(sitemap):
            for loc in ElementTree.parse(sitemap).getroot().iter(SITEMAP + "loc"):
                check(re.match(r"^https?://[^/]+/", loc.text or ""), f"sitemap <loc> {loc.text!r} is not absolute")
        with open(os.path.join(output, "robots.txt"), encoding="utf-8") as handle:
            robots = handle.read()
        check("Sitemap:" not in robots or re.search(r"^Sitemap: https?://", robots, re.M), f"robots.txt: {robots!r}")
        feed = ElementTree.parse(os.path.join(output, "feed.xml")).getroot()
        ids = [element.text or "" for element in feed.iter(ATOM + "id")]
        check(len(ids) > 1, "the feed has ids")
        for value in ids:
            check(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", value) and not value.startswith("/"),
                  f"Atom <id> {value!r} is not an absolute IRI")
        check(len(set(ids)) == len(ids), "Atom ids are unique")
        with open(os.path.join(output, "index.html"), encoding="utf-8") as handle:
            check('rel="canonical"' not in handle.read(), "no canonical link without an absolute base URL")

    def main(self):
        steps = [
            ("build the seed guide with --base-url relative", self.test_build),
            ("every link of the seed site leads to a file", self.test_links_of_the_seed_site),
            ("every link of the three-guide site (2 papers a page) leads to a file", self.test_links_of_three_guides),
            ("the home page from disk is styled and its links exist", self.test_home_from_disk),
            ("from disk: home → paper → author → home", self.test_paper_then_author),
            ("search works from disk", self.test_search_from_disk),
            ("the header's search box works from disk", self.test_header_search_from_disk),
            ("without the script index, search explains itself", self.test_search_fallback_message),
            ("the relative site's search works over HTTP too", self.test_search_over_http),
            ("the default build: one warning, no invalid sitemap or feed", self.test_default_build_writes_nothing_invalid),
        ]
        try:
            for index, (name, body) in enumerate(steps):
                if not self.run(name, body) and index == 0:
                    self.failed += len(steps) - 1
                    print(f"skipped the other {len(steps) - 1} checks (counted as failed)")
                    break
        finally:
            if self.driver:
                try:
                    self.driver.quit()
                except Exception:
                    pass
            shutil.rmtree(self.folder, ignore_errors=True)
        print(f"{self.passed} passed, {self.failed} failed")
        return 0 if self.failed == 0 else 1


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--guide", default=os.environ.get("GUIDE_BINARY", os.path.join(REPO, ".build", "debug", "guide")),
                        help="path to the guide binary (default: $GUIDE_BINARY, else .build/debug/guide)")
    parser.add_argument("--screenshot", help="save a screenshot of the home page opened from disk here")
    arguments = parser.parse_args()
    guide = os.path.abspath(arguments.guide)
    if not os.access(guide, os.X_OK):
        print(f"no guide binary at {guide}: build it (swift build) or pass --guide PATH")
        print("0 passed, 1 failed")
        return 1
    return FromDiskTest(guide, arguments.screenshot and os.path.abspath(arguments.screenshot)).main()


if __name__ == "__main__":
    sys.exit(main())
