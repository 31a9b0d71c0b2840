#!/usr/bin/env python3
"""Citation exports and calendars, read back by real parsers of their formats.

Builds the fixture site Tests/Fixtures/sites/exports (one guide: titles with
TeX's special characters, names with diacritics, a 22-author byline, two
papers with the same citation key, two papers with a start time on two days,
one with an end and one without) into a temporary folder with the given
`guide` binary, then reads every export with the parser people use for it:

  - BibTeX (cite.bib, papers.bib) with bibtexparser 2 (LaTeX decoded, names split),
  - RIS (cite.ris, papers.ris) with rispy,
  - CSL-JSON (cite.json, papers.json) with json, and rendered into a
    bibliography by citeproc-py with its bundled Harvard style,
  - iCalendar (event.ics, schedule.ics) with icalendar,

and compares what they read with values written out below by hand. It also
checks that the paper page shows the same BibTeX as cite.bib, that a second
build writes the same bytes, and that a build with --base-url relative links
the files from the page and leaves the URL out of the events.

    python3 Tests/Exports/test_exports.py --guide .build/debug/guide

Needs `pip install bibtexparser rispy citeproc-py icalendar`; without one of
them it says which and exits 0 (skipped). Prints `N passed, N failed`; exits 1
on a failure.
"""

import argparse
import datetime
import html
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "Fixtures", "sites", "exports", "Content")

# ---------------------------------------------------------------- expected, by hand

KMEANS = "fast-k-means-friends-100-of-the-hard-cases"
SCALING = "scaling-laws-for-100-budgets-tokens-compute"
ATTENTION = "fast-attention-for-long-documents"

SCALING_AUTHORS = [
    ("Silva", "Ana"), ("Chen", "Bo"), ("Dubois", "Chloé"), ("Volkov", "Dmitri"), ("Durand", "Émilie"),
    ("Al-Sayed", "Fatima"), ("Ødegård", "Gunnar"), ("Nováková", "Hana"), ("Bjørnsen", "Ingrid"),
    ("Müller", "Jürgen"), ("Itō", "Kenji"), ("Pérez", "Laura"), ("Wiśniewski", "Mateusz"), ("Haddad", "Nadia"),
    ("Yılmaz", "Oğuz"), ("Raman", "Priya"), ("Lefèvre", "Quentin"), ("van der Berg", "Rosa"), ("Åström", "Sven"),
    ("O'Brien", "Tomás"), ("Kähkönen", "Ulla"), ("Zhang", "Wei"),
]

PAPERS = {
    KMEANS: {
        "key": "odegaard2024fasta",
        "title": "Fast {k}-means & friends: 100% of the _hard_ cases",
        "authors": [("Ødegaard", "Zoë"), ("Núñez", "José"), ("Kowalczyk", "Łukasz")],
        "doi": "10.1234/neurips.2024_fast",
        "url": "https://example.org/papers/fast-k-means",
        "pdf": "https://example.org/papers/fast_k-means.pdf",
        "arxiv": "2406.01234",
        "abstract": "We make k-means fast, on 100% of the hard cases; see the paper.",
    },
    SCALING: {
        "key": "silva2024scaling",
        "title": "Scaling laws for $100 budgets: #tokens ~ compute",
        "authors": SCALING_AUTHORS,
        "doi": "10.1234/neurips.2024.scaling",
    },
    ATTENTION: {
        "key": "odegaard2024fastb",
        "title": "Fast attention for long documents",
        "authors": [("Ødegaard", "Zoë"), ("Zhang", "Wei")],
    },
}
# The guide's order.
ORDER = [KMEANS, SCALING, ATTENTION]

UTC = datetime.timezone.utc
EVENTS = {
    KMEANS: {
        "uid": f"neurips-2024-{KMEANS}@guides.example.org",
        # 11:00 and 14:00 at UTC−8.
        "start": datetime.datetime(2024, 12, 11, 19, 0, tzinfo=UTC),
        "end": datetime.datetime(2024, 12, 11, 22, 0, tzinfo=UTC),
        "summary": "Fast {k}-means & friends: 100% of the _hard_ cases",
        "location": "East Exhibit Hall A-C, Vancouver, Canada",
        "description": "Session: Poster session 2\nAuthors: Zoë Ødegaard, José Núñez and Łukasz Kowalczyk",
        "url": f"https://guides.example.org/papers/{KMEANS}/",
    },
    SCALING: {
        "uid": f"neurips-2024-{SCALING}@guides.example.org",
        # 10:00 at UTC−8, no end given: an hour.
        "start": datetime.datetime(2024, 12, 12, 18, 0, tzinfo=UTC),
        "end": datetime.datetime(2024, 12, 12, 19, 0, tzinfo=UTC),
        "summary": "Scaling laws for $100 budgets: #tokens ~ compute",
        "location": "West Ballroom A; level 1, Vancouver, Canada",
        "url": f"https://guides.example.org/papers/{SCALING}/",
    },
}
# The guide's date, at midnight UTC.
STAMP = datetime.datetime(2024, 12, 10, 0, 0, tzinfo=UTC)


class Results:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, name, condition, detail=""):
        if condition:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {name}" + (f": {detail}" if detail else ""))

    def equal(self, name, found, expected):
        self.check(name, found == expected, f"found {found!r}, expected {expected!r}")


def missing_packages():
    missing = []
    for module, package in (("bibtexparser", "bibtexparser"), ("rispy", "rispy"), ("citeproc", "citeproc-py"),
                            ("icalendar", "icalendar")):
        try:
            __import__(module)
        except ImportError:
            missing.append(package)
    if not missing:
        import bibtexparser
        if not hasattr(bibtexparser, "parse_string"):
            missing.append("bibtexparser>=2 (found %s)" % getattr(bibtexparser, "__version__", "1.x"))
    return missing


def build(guide, output, *options):
    done = subprocess.run([guide, "build", "--content", FIXTURE, "--output", output, *options], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"guide build failed ({done.returncode}):\n{done.stdout}{done.stderr}")


def read(path, mode="r"):
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8", "newline": ""})) as handle:
        return handle.read()


# ---------------------------------------------------------------- BibTeX

def check_bibtex(r, out):
    import bibtexparser
    from bibtexparser import middlewares

    def parse(text):
        library = bibtexparser.parse_string(text, append_middleware=[
            middlewares.LatexDecodingMiddleware(), middlewares.SeparateCoAuthors(), middlewares.SplitNameParts()])
        raw = bibtexparser.parse_string(text)
        return library, raw

    whole, whole_raw = parse(read(os.path.join(out, "papers.bib")))
    r.equal("papers.bib: no block failed to parse", len(whole.failed_blocks), 0)
    r.equal("papers.bib: keys in the guide's order", [e.key for e in whole.entries], [PAPERS[s]["key"] for s in ORDER])
    for slug in ORDER:
        expected = PAPERS[slug]
        text = read(os.path.join(out, "papers", slug, "cite.bib"))
        library, raw = parse(text)
        name = f"{slug}/cite.bib"
        r.equal(f"{name}: one entry", (len(library.entries), len(library.failed_blocks)), (1, 0))
        if not library.entries:
            continue
        entry, raw_entry = library.entries[0], raw.entries[0]
        fields = {f.key: f.value for f in entry.fields}
        raw_fields = {f.key: f.value for f in raw_entry.fields}
        r.equal(f"{name}: type", entry.entry_type, "inproceedings")
        r.equal(f"{name}: key", entry.key, expected["key"])
        # The title in a second pair of braces (its case kept), TeX's specials escaped.
        r.check(f"{name}: title braced", raw_fields["title"].startswith("{") and raw_fields["title"].endswith("}"),
                raw_fields["title"])
        r.equal(f"{name}: title, LaTeX decoded", fields["title"], expected["title"])
        authors = [(" ".join(p.von + p.last), " ".join(p.first)) for p in fields["author"]]
        r.equal(f"{name}: authors in order, diacritics intact", authors, expected["authors"])
        r.equal(f"{name}: booktitle", fields.get("booktitle"), "NeurIPS 2024")
        r.equal(f"{name}: year", fields.get("year"), "2024")
        r.equal(f"{name}: address", fields.get("address"), "Vancouver, Canada")
        # Verbatim fields, read as written.
        r.equal(f"{name}: doi", raw_fields.get("doi"), expected.get("doi"))
        r.equal(f"{name}: url", raw_fields.get("url"), expected.get("url"))
        r.equal(f"{name}: eprint", raw_fields.get("eprint"), expected.get("arxiv"))
        r.equal(f"{name}: archivePrefix", raw_fields.get("archivePrefix"), "arXiv" if "arxiv" in expected else None)
        r.check(f"{name}: the same entry in papers.bib", text.strip() in read(os.path.join(out, "papers.bib")))
        # The paper page shows this very entry.
        page = read(os.path.join(out, "papers", slug, "index.html"))
        shown = re.search(r'<pre class="bibtex-code" id="bibtex-entry" tabindex="0"><code>(.*?)</code></pre>', page, re.S)
        r.check(f"{name}: shown on the paper page", shown and html.unescape(shown.group(1)) + "\n" == text)
    r.equal("the 22-author paper has 22 authors", len(PAPERS[SCALING]["authors"]), 22)


# ---------------------------------------------------------------- RIS

def check_ris(r, out):
    import rispy

    whole = read(os.path.join(out, "papers.ris"))
    records = rispy.loads(whole)
    r.equal("papers.ris: ids in the guide's order", [rec.get("id") for rec in records], [PAPERS[s]["key"] for s in ORDER])
    r.check("papers.ris: CRLF line endings", "\n" not in whole.replace("\r\n", ""))
    for slug in ORDER:
        expected = PAPERS[slug]
        name = f"{slug}/cite.ris"
        found = rispy.loads(read(os.path.join(out, "papers", slug, "cite.ris")))
        r.equal(f"{name}: one record", len(found), 1)
        if not found:
            continue
        record = found[0]
        r.equal(f"{name}: the same record in papers.ris", record, records[ORDER.index(slug)] if len(records) == 3 else None)
        r.equal(f"{name}: TY", record.get("type_of_reference"), "CPAPER")
        r.equal(f"{name}: ID", record.get("id"), expected["key"])
        r.equal(f"{name}: TI", record.get("title"), expected["title"])
        r.equal(f"{name}: AU, in order", record.get("authors"), [f"{family}, {given}" for family, given in expected["authors"]])
        r.equal(f"{name}: T2", record.get("secondary_title"), "NeurIPS 2024")
        r.equal(f"{name}: PY", record.get("year"), "2024")
        r.equal(f"{name}: DA", record.get("date"), "2024/12/10/")
        r.equal(f"{name}: CY", record.get("place_published"), "Vancouver, Canada")
        r.equal(f"{name}: DO", record.get("doi"), expected.get("doi"))
        r.equal(f"{name}: UR", record.get("urls"), [expected["url"]] if "url" in expected else None)
        r.equal(f"{name}: L1", record.get("file_attachments1"), expected.get("pdf"))
        r.equal(f"{name}: N1", record.get("notes"), ["arXiv:" + expected["arxiv"]] if "arxiv" in expected else None)
        r.equal(f"{name}: AB", record.get("abstract"), expected.get("abstract"))


# ---------------------------------------------------------------- CSL-JSON

def check_csl(r, out):
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(read(os.path.join(out, "papers.json")))
    r.equal("papers.json: ids in the guide's order", [item["id"] for item in items], [PAPERS[s]["key"] for s in ORDER])
    for slug in ORDER:
        expected = PAPERS[slug]
        name = f"{slug}/cite.json"
        found = json.loads(read(os.path.join(out, "papers", slug, "cite.json")))
        r.equal(f"{name}: one item, as in papers.json", found, [items[ORDER.index(slug)]])
        item = found[0]
        r.equal(f"{name}: id (the BibTeX key)", item["id"], expected["key"])
        r.equal(f"{name}: type", item["type"], "paper-conference")
        r.equal(f"{name}: title", item["title"], expected["title"])
        r.equal(f"{name}: authors", [(a["family"], a["given"]) for a in item["author"]], expected["authors"])
        r.equal(f"{name}: container-title", item.get("container-title"), "NeurIPS 2024")
        r.equal(f"{name}: issued", item.get("issued"), {"date-parts": [[2024, 12, 10]]})
        r.equal(f"{name}: DOI", item.get("DOI"), expected.get("doi"))
        r.equal(f"{name}: URL", item.get("URL"), expected.get("url"))
        r.equal(f"{name}: note", item.get("note"), "arXiv:" + expected["arxiv"] if "arxiv" in expected else None)

    # citeproc-py renders the file into a bibliography with a style it ships.
    import citeproc
    styles = os.path.join(os.path.dirname(citeproc.__file__), "data", "styles")
    bundled = sorted(f[:-4] for f in os.listdir(styles) if f.endswith(".csl"))
    style_name = next((s for s in ("harvard1", "harvard-cite-them-right") if s in bundled), bundled[0] if bundled else None)
    r.check("citeproc-py ships a style", style_name is not None)
    if style_name is None:
        return
    import warnings
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        source = CiteProcJSON(items)
    r.equal("citeproc-py: every field is one it knows", [str(w.message) for w in caught], [])
    bibliography = CitationStylesBibliography(CitationStylesStyle(style_name, validate=False), source, formatter.plain)
    for slug in ORDER:
        bibliography.register(Citation([CitationItem(PAPERS[slug]["key"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    r.equal(f"citeproc-py ({style_name}): an entry per paper", len(rendered), 3)
    for slug in ORDER:
        expected = PAPERS[slug]
        entry = next((e for e in rendered if expected["title"] in e), None)
        r.check(f"citeproc-py: {slug} rendered with its title", entry is not None, "\n".join(rendered))
        if entry is None:
            continue
        # Harvard lists every author of a short list, and the first ones of a long one.
        shown = expected["authors"] if len(expected["authors"]) <= 3 else expected["authors"][:1]
        for family, _ in shown:
            r.check(f"citeproc-py: {slug} names {family}", family in entry, entry)
        if "doi" in expected:
            r.check(f"citeproc-py: {slug} links its DOI", expected["doi"] in entry, entry)


# ---------------------------------------------------------------- iCalendar

def check_calendars(r, out):
    import icalendar

    def lines_ok(name, data):
        r.check(f"{name}: CRLF line endings", b"\n" not in data.replace(b"\r\n", b""))
        long = [line for line in data.split(b"\r\n") if len(line) > 75]
        r.equal(f"{name}: no line over 75 octets", long, [])
        try:
            for line in data.split(b"\r\n"):
                line.decode("utf-8")
            folded_ok = True
        except UnicodeDecodeError:
            folded_ok = False
        r.check(f"{name}: folded on UTF-8 boundaries", folded_ok)

    def check_event(name, event, expected):
        r.equal(f"{name}: UID", str(event["UID"]), expected["uid"])
        r.equal(f"{name}: DTSTART", event.decoded("DTSTART"), expected["start"])
        r.equal(f"{name}: DTEND", event.decoded("DTEND"), expected["end"])
        r.equal(f"{name}: DTSTAMP", event.decoded("DTSTAMP"), STAMP)
        r.equal(f"{name}: SUMMARY", str(event["SUMMARY"]), expected["summary"])
        r.equal(f"{name}: LOCATION", str(event["LOCATION"]), expected["location"])
        if "description" in expected:
            r.equal(f"{name}: DESCRIPTION", str(event["DESCRIPTION"]), expected["description"])
        else:
            r.check(f"{name}: DESCRIPTION names the session and the 22 authors",
                    str(event["DESCRIPTION"]).startswith("Session: Oral session 4B\nAuthors: Ana Silva, Bo Chen, Chloé Dubois")
                    and str(event["DESCRIPTION"]).endswith("Ulla Kähkönen and Wei Zhang"), str(event["DESCRIPTION"]))
        r.equal(f"{name}: URL", str(event.get("URL")), expected["url"])

    schedule = read(os.path.join(out, "schedule.ics"), "rb")
    lines_ok("schedule.ics", schedule)
    calendar = icalendar.Calendar.from_ical(schedule)
    r.equal("schedule.ics: VERSION", str(calendar["VERSION"]), "2.0")
    r.check("schedule.ics: PRODID", "PRODID" in calendar)
    events = calendar.walk("VEVENT")
    r.equal("schedule.ics: the timed papers, in time order", [str(e["UID"]) for e in events],
            [EVENTS[KMEANS]["uid"], EVENTS[SCALING]["uid"]])
    for event, slug in zip(events, (KMEANS, SCALING)):
        check_event(f"schedule.ics {slug}", event, EVENTS[slug])
    for slug in (KMEANS, SCALING):
        data = read(os.path.join(out, "papers", slug, "event.ics"), "rb")
        lines_ok(f"{slug}/event.ics", data)
        found = icalendar.Calendar.from_ical(data).walk("VEVENT")
        r.equal(f"{slug}/event.ics: one event", len(found), 1)
        if found:
            check_event(f"{slug}/event.ics", found[0], EVENTS[slug])
    r.check("a paper without a time has no event.ics", not os.path.exists(os.path.join(out, "papers", ATTENTION, "event.ics")))


# ---------------------------------------------------------------- the site around them

def check_site(r, out, relative):
    schedule = read(os.path.join(out, "schedule", "index.html"))
    titles = re.findall(r'<p class="schedule-title"><a href="[^"]*">(.*?)</a>', schedule)
    r.equal("schedule page: the timed papers by day", [html.unescape(t) for t in titles],
            [PAPERS[KMEANS]["title"], PAPERS[SCALING]["title"]])
    days = re.findall(r'<h2 id="day-[^"]*" class="section-title"><time datetime="([^"]*)">', schedule)
    r.equal("schedule page: two days", days, ["2024-12-11", "2024-12-12"])
    home = read(os.path.join(out, "index.html"))
    r.check("the navigation links the schedule", re.search(r'<a href="[^"]*schedule/[^"]*">Schedule</a>', home) is not None)

    # With relative links, every export the paper page links is there, from the page.
    page_dir = os.path.join(relative, "papers", KMEANS)
    page = read(os.path.join(page_dir, "index.html"))
    for name in ("cite.bib", "cite.ris", "cite.json", "event.ics"):
        link = re.search(r'href="([^"]*%s)" download' % re.escape(name), page)
        r.check(f"relative: the paper page links {name}", link is not None)
        if link:
            r.check(f"relative: {link.group(1)} is a file", os.path.isfile(os.path.normpath(os.path.join(page_dir, link.group(1)))))
    import icalendar
    event = icalendar.Calendar.from_ical(read(os.path.join(page_dir, "event.ics"), "rb")).walk("VEVENT")[0]
    r.equal("relative: UID without a host", str(event["UID"]), f"neurips-2024-{KMEANS}@guide")
    r.check("relative: no URL without an absolute base", "URL" not in event)


def check_rebuild_identical(r, out, again):
    differing = []
    for folder, _, names in os.walk(out):
        for name in names:
            path = os.path.join(folder, name)
            other = os.path.join(again, os.path.relpath(path, out))
            if name.endswith((".bib", ".ris", ".json", ".ics")) and (not os.path.exists(other) or read(path, "rb") != read(other, "rb")):
                differing.append(os.path.relpath(path, out))
    r.equal("a second build writes the same exports, byte for byte", differing, [])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--guide", required=True, help="the guide binary")
    args = parser.parse_args()
    missing = missing_packages()
    if missing:
        print(f"SKIP: the exports test needs {', '.join(missing)} (pip install {' '.join(missing)})")
        return 0
    r = Results()
    with tempfile.TemporaryDirectory() as temp:
        out, again, relative = (os.path.join(temp, name) for name in ("Output", "Again", "Relative"))
        build(args.guide, out)
        build(args.guide, again)
        build(args.guide, relative, "--base-url", "relative")
        for check in (check_bibtex, check_ris, check_csl, check_calendars):
            check(r, out)
        check_site(r, out, relative)
        check_rebuild_identical(r, out, again)
    print(f"{r.passed} passed, {r.failed} failed")
    return 1 if r.failed else 0


if __name__ == "__main__":
    sys.exit(main())
