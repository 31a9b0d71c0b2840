#!/usr/bin/env python3
"""Search in headless Chromium, on sites served over HTTP on 127.0.0.1.

Builds four sites with the given binary and checks what a reader sees:

  - the hand-written fixture (Tests/Fixtures/sites/search): a word of a paper's
    description, of a topic's description and of a posting each find it, and
    say what they found; a title match ranks above a description match;
    accents fold both ways ("zoe" finds Zoë, "thórsdóttir" finds Þórsdóttir,
    "oberg" finds Øberg);
  - the seed guide (Content/): "bandti" (one edit) finds the bandit papers and
    the topic; "forecas" finds forecasting as it is typed; an abstract's word
    finds its paper; keyboard: ↓ from the field to the results, ↑/↓ between
    them, Escape back, Enter opens; the header's search box of a paper page
    leads to the results;
  - a generated 2,000-paper guide (../shared/bench/gen_guide.py): typos,
    accents ("yilmaz" finds Yılmaz), every result of a broad query reachable
    with "Show more", each once; and the bytes a first search fetches, gzip
    size of every file, at most 300 KB, with the time to first results;
  - the three-guide fixture: each result names its guide;
  - the fixture with its index said to be of another version than search.js
    reads: the page says that search is unavailable.

    python3 Tests/Browser/test_search.py --guide .build/debug/guide

Prints `N passed, N failed` last and exits 1 when a check failed.
"""

import argparse
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_support import Served, Tally, browser, wait_for  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(REPO), "shared")
PAYLOAD_LIMIT = 300 * 1024

tally = Tally()
check = tally.check


def build(guide, content, into):
    """`guide build` of a copy of `content` (a Content folder) in `into`; its Output folder."""
    shutil.copytree(content, os.path.join(into, "Content"))
    subprocess.run([guide, "build"], cwd=into, check=True, capture_output=True)
    return os.path.join(into, "Output")


class SearchPage:
    """The search page of a served site, in one browser."""

    def __init__(self, driver, site):
        self.driver = driver
        self.site = site

    def open(self, query=None):
        suffix = "?q=" + urllib.parse.quote(query) if query else ""
        self.driver.get(self.site.url + "search/" + suffix)
        wait_for(lambda: self.status() and "Loading" not in self.status())

    def status(self):
        return self.driver.find_element(By.ID, "search-status").text

    def input(self):
        return self.driver.find_element(By.ID, "search-input")

    def type(self, query):
        field = self.input()
        field.clear()
        field.send_keys(query)
        return self.settled(query)

    def settled(self, query):
        """Waits for the status to name `query`; the results shown, as (kind, title, about, detail, href)."""
        wait_for(lambda: f"“{query.strip()}”" in self.status())
        return self.results()

    def results(self):
        # One script, not a WebDriver call per element: a broad query shows hundreds.
        return [tuple(row) for row in self.driver.execute_script("""
            return Array.from(document.querySelectorAll('#search-results .search-result')).map(item => {
              const about = item.querySelector('.search-result-about').textContent;
              const detail = item.querySelector('.search-result-detail');
              const link = item.querySelector('a');
              return [about.split(' · ')[0], link.textContent, about, detail ? detail.textContent : '', link.href];
            });""")]

    def total(self):
        match = re.match(r"([\d,]+) results? for", self.status())
        return int(match.group(1).replace(",", "")) if match else 0


def titles(rows, kind=None):
    return [row[1] for row in rows if kind is None or row[0] == kind]


def fixture_checks(page):
    page.open()
    rows = page.type("zeppelin")
    check(titles(rows) == ["Energy budgets of small lamps"], f"a word of a paper's description finds the paper: {rows}")
    rows = page.type("quokka")
    check([(r[0], r[1]) for r in rows] == [("Topic", "Lighting")], f"a word of a topic's description finds the topic: {rows}")
    rows = page.type("marmalade")
    check([r[0] for r in rows] == ["Open role"] and rows[0][4].endswith("/careers/#posting-1"),
          f"a word of a posting finds it, as an open role on the careers page: {rows}")
    rows = page.type("lantern")
    found = titles(rows)
    check(found[:1] == ["A lantern for every room"], f"a title match ranks first: {found}")
    check(set(found) >= {"A lantern for every room", "Energy budgets of small lamps"},
          f"a description match is found too: {found}")
    if "Energy budgets of small lamps" in found:
        check(found.index("A lantern for every room") < found.index("Energy budgets of small lamps"),
              f"the title match ranks above the description match: {found}")
    for query, name in (("zoe", "Zoë Þórsdóttir"), ("thorsdottir", "Zoë Þórsdóttir"), ("Þórsdóttir", "Zoë Þórsdóttir"),
                        ("ZOË", "Zoë Þórsdóttir"), ("oberg", "Marta Øberg"), ("øberg", "Marta Øberg")):
        rows = page.type(query)
        check(name in titles(rows, "Author"), f"{query!r} finds the author {name}: {rows}")
    rows = page.type("constructor")
    check([(r[0], r[1]) for r in rows] == [("Topic", "Flight")], f"a word that names a property of JavaScript objects is a word too: {rows}")
    rows = page.type("lantern zeppelin")
    check(titles(rows) == ["Energy budgets of small lamps"], f"every word must match: {rows}")
    rows = page.type("the and of")
    check(not rows and "Type a word" in page.status(), f"stop words alone find nothing, and say so: {page.status()!r}")


def stale_index_checks(page):
    """A site whose index is of another version than its search.js reads (a script kept from
    another version of guide): the page says so, and shows no wrong results."""
    page.open()
    status = page.status()
    check("search is unavailable" in status and "(version 2)" in status,
          f"an index of another version is said to be unusable: {status!r}")
    field = page.input()
    field.send_keys("zeppelin")
    check(not page.results() and page.status() == status, f"and nothing is searched: {page.status()!r}")


def stale_copy(site, into):
    """A copy of the built site `site` whose search/meta.js says it is version 2 of the index."""
    shutil.copytree(site, into)
    meta = os.path.join(into, "search", "meta.js")
    with open(meta, encoding="utf-8") as file:
        text = file.read()
    stale = re.sub(r'"version":\d+', '"version":2', text)
    check(stale != text, "meta.js names the version of the index")
    with open(meta, "w", encoding="utf-8") as file:
        file.write(stale)
    return into


def seed_checks(page, driver, site):
    page.open()
    check(page.input() == driver.switch_to.active_element, "the search field has the focus when the page opens")
    check(re.match(r"Search [\d,]+ papers, topics and authors\.", page.status()), f"an empty query says what can be searched: {page.status()!r}")
    rows = page.type("bandti")
    paper_titles = titles(rows, "Paper")
    check(("Topic", "Bandit problems") in [(r[0], r[1]) for r in rows], f"'bandti' finds the topic Bandit problems: {rows}")
    check(sum("bandit" in t.lower() for t in paper_titles) == 2, f"'bandti' finds both papers with bandit in their title: {paper_titles}")
    check(all(r[0] in ("Paper", "Topic", "Author", "Guide", "Page", "Open role") for r in rows), f"each result says what it is: {rows}")
    rows = page.type("forecas")
    check(any("forecasting" in t.lower() for t in titles(rows, "Paper")), f"'forecas' finds forecasting as it is typed: {rows}")
    rows = page.type("gaussian")
    check(titles(rows, "Paper") == ["Thompson sampling with diffusion generative prior"], f"an abstract's word finds its paper: {rows}")
    rows = page.type("cedric")
    check("Cédric Archambeau" in titles(rows, "Author"), f"'cedric' finds Cédric Archambeau: {rows}")
    rows = page.type("Gérard")
    check("Gérard Medioni" in titles(rows, "Author"), f"'Gérard' finds Gérard Medioni: {rows}")

    # Keyboard.
    rows = page.type("bandit")
    links = driver.find_elements(By.CSS_SELECTOR, "#search-results .search-result-link")
    check(len(links) >= 3, f"'bandit' finds at least 3 results: {rows}")
    field = page.input()
    field.send_keys(Keys.ARROW_DOWN)
    check(driver.switch_to.active_element == links[0], "↓ in the field moves to the first result")
    driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    check(driver.switch_to.active_element == links[1], "↓ moves to the next result")
    driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
    check(driver.switch_to.active_element == links[0], "↑ moves to the previous result")
    driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
    check(driver.switch_to.active_element == field, "↑ from the first result goes back to the field")
    field.send_keys(Keys.ARROW_DOWN)
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    check(driver.switch_to.active_element == field and field.get_attribute("value") == "bandit",
          "Escape in the results goes back to the field, keeping the query")
    field.send_keys(Keys.ESCAPE)
    check(field.get_attribute("value") == "" and not page.results(), "Escape in the field clears the query and the results")
    rows = page.type("bandit")
    target = rows[0][4]
    page.input().send_keys(Keys.ARROW_DOWN)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    check(wait_for(lambda: driver.current_url == target), f"Enter on a result opens it: {driver.current_url} != {target}")

    # The header's search box, from a paper page.
    driver.get(site.url + "papers/thompson-sampling-with-diffusion-generative-prior/")
    header = wait_for(lambda: driver.find_element(By.ID, "header-search-input"))
    header.send_keys("bandti", Keys.ENTER)
    wait_for(lambda: "/search/" in driver.current_url)
    rows = page.settled("bandti")
    check("q=bandti" in driver.current_url and ("Topic", "Bandit problems") in [(r[0], r[1]) for r in rows],
          f"the header's search box of a paper page shows the results: {driver.current_url} {rows}")


def three_guide_checks(page):
    page.open()
    rows = page.type("transducers")
    check(any(r[1] == "Streaming transducers with lookahead" and r[2] == "Paper · SLT 2022" for r in rows),
          f"a result on a site of several guides names its guide: {rows}")


def generated_checks(page, driver, papers):
    page.open()
    rows = page.type("bandti")
    check(rows and all("bandit" in (r[1] + " " + r[3]).lower() for r in rows[:10]),
          f"'bandti' finds bandit results first on {papers} papers: {rows[:5]}")
    rows = page.type("yilmaz")
    check(any("Yılmaz" in r[1] for r in rows if r[0] == "Author"), f"'yilmaz' finds authors named Yılmaz: {rows[:5]}")
    page.type("learning")
    total = page.total()
    check(total > 40, f"'learning' has more results than a page shows: {page.status()!r}")
    while True:
        more = driver.find_elements(By.ID, "search-more")
        if not more:
            break
        shown = len(page.results())
        more[0].send_keys(Keys.ENTER)
        wait_for(lambda: len(page.results()) > shown)
    hrefs = [r[4] for r in page.results()]
    check(len(hrefs) == total and len(set(hrefs)) == total,
          f"'Show more' reaches every result once: {len(hrefs)} shown, {len(set(hrefs))} distinct, of {total}")


def payload_check(driver, site, folder, query):
    """Bytes a first search fetches, gzip-compressed, and ms from the keystroke to results."""
    page = SearchPage(driver, site)
    page.open()
    driver.execute_script("""
        window.__searchTimes = [];
        const results = document.getElementById('search-results');
        let typed = 0;
        document.getElementById('search-input').addEventListener('input', () => { typed = performance.now(); }, true);
        new MutationObserver(() => {
          if (typed && results.querySelector('.search-result')) { window.__searchTimes.push(performance.now() - typed); typed = 0; }
        }).observe(results, {childList: true, subtree: true});
    """)
    rows = page.type(query)
    urls = driver.execute_script(
        "return [location.href].concat(performance.getEntriesByType('resource').map(e => e.name));")
    total, files = 0, []
    for url in urls:
        path = urllib.parse.urlparse(url).path
        local = os.path.join(folder, urllib.parse.unquote(path).lstrip("/"))
        if os.path.isdir(local):
            local = os.path.join(local, "index.html")
        if os.path.isfile(local):
            with open(local, "rb") as handle:
                size = len(gzip.compress(handle.read(), 6))
            total += size
            files.append((path, size))
    first = driver.execute_script("return window.__searchTimes[0];")
    # Warm: the buckets are loaded; each further query's time from its keystroke.
    warm = []
    for again in ("bandit", "learning", "private", "graph"):
        driver.execute_script("window.__searchTimes = [];")
        page.type(again)
        times = driver.execute_script("return window.__searchTimes;")
        if times:
            warm.append(times[-1])
    return rows, total, files, first, warm


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--guide", required=True, help="the guide binary")
    parser.add_argument("--papers", type=int, default=2000, help="papers of the generated guide (default 2000)")
    args = parser.parse_args()
    guide = os.path.abspath(args.guide)
    work = tempfile.mkdtemp(prefix="guide-search-test-")
    driver = None
    served = []
    try:
        fixture = build(guide, os.path.join(REPO, "Tests/Fixtures/sites/search/Content"), os.path.join(work, "fixture"))
        seed = build(guide, os.path.join(REPO, "Content"), os.path.join(work, "seed"))
        three = build(guide, os.path.join(REPO, "Tests/Fixtures/sites/three-guides/Content"), os.path.join(work, "three"))
        generated_content = os.path.join(work, "generated-content")
        os.makedirs(generated_content)
        subprocess.run([sys.executable, os.path.join(SHARED, "bench/gen_guide.py"), "--papers", str(args.papers),
                        "--seed", "7", "--out", os.path.join(generated_content, "guide.txt")], check=True, capture_output=True)
        generated = build(guide, generated_content, os.path.join(work, "generated"))

        driver = browser(os.path.join(work, "profile"))
        checks = (("fixture", fixture, lambda page, site: fixture_checks(page)),
                  ("seed", seed, lambda page, site: seed_checks(page, driver, site)),
                  ("three-guide", three, lambda page, site: three_guide_checks(page)),
                  ("stale-index", stale_copy(fixture, os.path.join(work, "stale")), lambda page, site: stale_index_checks(page)),
                  # Last: the cold search below is on this site (`served[-1]`).
                  ("generated", generated, lambda page, site: generated_checks(page, driver, args.papers)))
        for name, folder, run in checks:
            site = Served(folder)
            served.append(site)
            try:
                run(SearchPage(driver, site), site)
            except Exception:
                tally.crashed(f"{name} checks")

        # The first search of a fresh browser: what it fetched.
        driver.quit()
        driver = browser(os.path.join(work, "cold-profile"))
        rows, total, files, first, warm = payload_check(driver, served[-1], generated, "bandti")
        print(f"first search on {args.papers} papers: {len(files)} files, {total / 1024:.1f} KB gzip; "
              f"first results {'%.0f ms' % first if first is not None else 'not seen'} after the keystroke (loading the buckets); "
              f"warm queries {', '.join(f'{t:.0f}' for t in warm)} ms", flush=True)
        for path, size in sorted(files, key=lambda f: -f[1])[:6]:
            print(f"  {size / 1024:6.1f} KB  {path}", flush=True)
        check(rows and first is not None, "the cold search shows results")
        check(total <= PAYLOAD_LIMIT, f"a first search fetches at most 300 KB gzip: {total / 1024:.1f} KB")
        check(warm and max(warm) < 500, f"a query of loaded buckets shows results quickly: {warm} ms")
    except Exception:
        tally.crashed("test_search")
    finally:
        if driver:
            driver.quit()
        for site in served:
            site.close()
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(tally.summary())


if __name__ == "__main__":
    main()
