"""The edits the watch-mode and live-reload benchmarks time, in one place.

Eight kinds of edit to a guide in the format the benchmark generators write
(`../shared/bench/gen_guide.py`, `synthetic_guide.py`): title, subtitle, intro,
topics (heading, description, an optional figure, papers as title + byline),
"Research areas", "Related content", then location and posting lines.

    editor = Editor(text, token="qxv")   # the guide as generated
    edit = editor.next("add-paper")      # the guide with one more change
    write edit.text, wait for the rebuild
    problem = edit.check(site)           # None when the change is on disk

Every edit is a fresh change: the nth edit of a kind never undoes an earlier one
(a retitled paper gets a new title each time, added papers and topics pile up,
each removal removes another paper). `editor.reset()` goes back to the original
text. Each edit says what must then be on disk (pages that must exist and
contain a marker or link, pages that must be gone, links that must be gone) and
which page a reader would look at, with the text it must show or no longer show.
"""
import os
import queue
import re
import subprocess
import threading
import time
import unicodedata
from dataclasses import dataclass, field

KINDS = ["retitle", "byline", "add-paper", "remove-paper", "add-topic", "rename-topic", "intro", "posting"]

DESCRIPTIONS = {
    "retitle": "retitle a paper",
    "byline": "add a new author to a byline",
    "add-paper": "add a paper",
    "remove-paper": "remove a paper",
    "add-topic": "add a topic (heading, description, one paper)",
    "rename-topic": "rename a topic",
    "intro": "edit the intro",
    "posting": "edit a job posting",
}

_TRANSLITERATIONS = {"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d",
                     "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss", "þ": "th", "Þ": "th", "ı": "i"}


def slug(text, max_length=80):
    """guide's URL slug (Sources/GuideKit/Parse/Slug.swift): ASCII letters and digits,
    lowercase, runs of anything else one hyphen, apostrophes dropped, cut at a hyphen
    to at most 80 characters. (guide gives an empty slug a hash; no edit here makes one.)"""
    out, pending = [], False
    for character in text:
        if character in "'’":
            continue
        if character.isascii():
            folded = character
        else:
            folded = _TRANSLITERATIONS.get(character)
            if folded is None:
                folded = "".join(c for c in unicodedata.normalize("NFKD", character) if c.isascii())
        for c in folded:
            if c.isalnum():
                if pending and out:
                    out.append("-")
                pending = False
                out.append(c.lower())
            else:
                pending = True
        if not folded and not character.isalpha():
            pending = True
    result = "".join(out)
    if len(result) > max_length:
        cut = result[:max_length]
        result = cut[:cut.rfind("-")] if "-" in cut else cut
    return result


def letters(number):
    """0 → "a", 25 → "z", 26 → "ba": a counter spelled in letters, for names and headings."""
    word = ""
    while True:
        word = chr(ord("a") + number % 26) + word
        number //= 26
        if not number:
            return word


@dataclass(eq=False)
class Paper:
    title: int  # line index of the title; the byline is the next line
    topic: "Topic"


@dataclass(eq=False)
class Topic:
    heading: int  # line index
    description: int  # line index, or -1
    figure: bool
    papers: list = field(default_factory=list)


class Outline:
    """Where things are in the guide's lines."""

    def __init__(self, lines):
        self.lines = lines
        blocks, start = [], None
        for index, line in enumerate(lines + [""]):
            if line.strip():
                if start is None:
                    start = index
            elif start is not None:
                blocks.append((start, index))
                start = None
        if len(blocks) < 4:
            raise ValueError("not a generated guide: fewer than four blocks")
        self.title, self.subtitle, self.intro = blocks[0][0], blocks[1][0], blocks[2][0]
        self.topics, self.postings = [], []
        topic = None
        for number, (start, end) in enumerate(blocks[3:], 3):
            size = end - start
            if lines[start] == "Research areas":
                self.end = start
                # "Research areas", "Related content", then the postings: a location line, its text.
                for posting_start, posting_end in blocks[number + 2:]:
                    for index in range(posting_start, posting_end - 1, 2):
                        self.postings.append((index, index + 1))
                break
            if size == 1 and (topic is None or topic.description >= 0 or topic.papers or topic.figure):
                topic = Topic(heading=start, description=-1, figure=False)
                self.topics.append(topic)
            elif size == 1 and topic is not None:
                topic.description = start
            elif size == 2 and lines[start].lower().endswith((".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")):
                topic.figure = True
            elif size == 2 and topic is not None:
                topic.papers.append(Paper(title=start, topic=topic))
            else:
                raise ValueError(f"line {start + 1}: a block of {size} lines the benchmark does not expect")
        else:
            raise ValueError("no \"Research areas\" line: not a generated guide")

    def papers(self):
        return [paper for topic in self.topics for paper in topic.papers]


@dataclass
class Edit:
    """One change, what it must leave on disk, and what the reader sees."""
    kind: str
    number: int
    lines: list
    summary: str
    # Page paths relative to the guide's root ("papers/x/", "" for its home page).
    exists: list = field(default_factory=list)  # (path, text the page must contain or None)
    gone: list = field(default_factory=list)  # paths whose page must not exist
    lacks: list = field(default_factory=list)  # (path, text the page must not contain)
    # Texts the guide's list of topics (its home page and the list's further pages,
    # "topics/page/2/", …) must contain on one of its pages, and on none.
    listed: list = field(default_factory=list)
    unlisted: list = field(default_factory=list)
    page: str = ""  # the page a reader would have open to see the change
    # Instead of `page`: the page of the topic list that now holds this text (a link to
    # the topic the change is next to), found in the site before the save.
    page_listing: str = ""
    shows: str = ""  # text that page must show (compared in lowercase)
    hides: str = ""  # text that page must no longer show

    @property
    def text(self):
        return "\n".join(self.lines)

    def check(self, site):
        """None when the change is on disk in the built `site` (a SiteFolder); else what is wrong."""
        for path, text in self.exists:
            page = site.page(path)
            if page is None:
                return f"/{path} was not written ({self.summary})"
            if text is not None and text not in _read(page):
                return f"/{path} does not contain {text!r} ({self.summary})"
        for path in self.gone:
            page = site.page(path)
            if page is not None:
                return f"{page} is still there ({self.summary})"
        for path, text in self.lacks:
            page = site.page(path)
            if page is None:
                return f"/{path} was not written ({self.summary})"
            if text in _read(page):
                return f"/{path} still contains {text!r} ({self.summary})"
        for text in self.listed:
            if site.listing_page(text) is None:
                return f"no page of the topic list contains {text!r} ({self.summary})"
        for text in self.unlisted:
            path = site.listing_page(text)
            if path is not None:
                return f"/{path} still contains {text!r} ({self.summary})"
        return None

    def page_to_open(self, site):
        """The page a reader would have open before the save, relative to the guide's root."""
        if not self.page_listing:
            return self.page
        return site.listing_page(self.page_listing)

    # For the browser: whether the open page shows the change, given `shows` and `hides`
    # in lowercase (the page's text may be styled in capitals), and which document was
    # open before the save (`document_before`: its performance.timeOrigin, and how many
    # pages the live-reload script had written over it in place). Run inside the page,
    # so that a large page's text is not copied out on every poll; while the document
    # from before the save is still there, its text is looked at only every 100 ms, so
    # that polling takes no time from the rebuild.
    VISIBLE_SCRIPT = ("if (performance.timeOrigin === arguments[2] && (window.__guideLiveReloads || 0) === arguments[3]) {"
                      "  var now = performance.now();"
                      "  if (window.__benchChecked && now - window.__benchChecked < 100) return false;"
                      "  window.__benchChecked = now;"
                      "}"
                      "var t = document.body ? document.body.innerText.toLowerCase() : '';"
                      "return t.indexOf(arguments[0]) >= 0 && !(arguments[1] && t.indexOf(arguments[1]) >= 0);")
    # What `document_before` is made of, read before the save.
    DOCUMENT_SCRIPT = "return [performance.timeOrigin, window.__guideLiveReloads || 0]"

    def visible_arguments(self, document_before):
        return [self.shows.lower(), self.hides.lower()] + list(document_before)


def _read(path):
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read()


class SiteFolder:
    """Pages of one guide in a built site. A site of one guide has them at its root; a
    site of several has each guide under /<guide>/, with what is site-wide (authors,
    careers, perhaps) at the root: a page is looked for under the guide's folder first."""

    def __init__(self, output, guide_slug=None):
        self.output = output
        self.roots = [os.path.join(output, guide_slug), output] if guide_slug else [output]

    def page(self, path):
        for root in self.roots:
            candidate = os.path.join(root, path, "index.html")
            if os.path.isfile(candidate):
                return candidate
        return None

    def listing_page(self, text):
        """The page of the guide's topic list ("" or "topics/page/N/") that contains
        `text`, or None. Long lists are paged: the home page shows the first topics."""
        path, number = "", 1
        while True:
            page = self.page(path)
            if page is None:
                return None
            if text in _read(page):
                return path
            number += 1
            path = f"topics/page/{number}/"

    def url_path(self, path):
        """The site path of a page that exists ("/conf25-2025/topics/x/"), or None."""
        page = self.page(path)
        if page is None:
            return None
        folder = os.path.relpath(os.path.dirname(page), self.output).replace(os.sep, "/")
        return "/" if folder == "." else f"/{folder}/"


def _link(path):
    """What a link to a page contains whatever the base path and guide folder: "/papers/x/"."""
    return f"/{path}"


class Editor:
    """Makes edits of every kind to one guide, each a fresh change to the current text."""

    def __init__(self, text, token):
        if f"bench{token}".lower() in text.lower():
            raise ValueError(f"the guide already contains the marker bench{token}")
        self.original = text.split("\n")
        self.lines = list(self.original)
        self.token = token  # letters, different on every run: names and titles never seen before
        self.counts = {kind: 0 for kind in KINDS}
        outline = Outline(self.original)
        papers = outline.papers()
        slugs = {}
        for paper in papers:
            slugs.setdefault(slug(self.original[paper.title]), []).append(paper)
        titles = "\n".join(self.original[p.title] for p in papers)

        def unambiguous(paper):
            title = self.original[paper.title]
            base = slug(title)
            return (len(slugs[base]) == 1 and not re.search(r"-\d+$", base)
                    and titles.count(title) == 1)

        # Papers and topics the edits touch: in topics without a figure (a caption names
        # a paper), with at least three papers, spread over the guide from its middle.
        topics = [t for t in outline.topics if not t.figure and len(t.papers) >= 3 and t.description >= 0]
        if len(topics) < 2:
            raise ValueError("the guide has too few topics with three papers and no figure")
        middle, step = len(topics) // 2, max(1, len(topics) // 11)
        picks = list(dict.fromkeys((middle + k * step) % len(topics) for k in range(len(topics))))
        picked = set(picks)
        order = [topics[i] for i in picks + [i for i in range(len(topics)) if i not in picked]]
        self.topic_names = [self.original[t.heading] for t in order]
        # One paper per topic: the one in the middle of its list, when nothing else shares its slug.
        self.paper_titles = []
        for topic in order[:100]:
            for paper in topic.papers[len(topic.papers) // 2:] + topic.papers[:len(topic.papers) // 2]:
                if unambiguous(paper):
                    self.paper_titles.append(self.original[paper.title])
                    break
        if len(self.paper_titles) < 2:
            raise ValueError("the guide has too few papers the benchmark can pick")
        self.retitled = self.paper_titles[0]  # its current title
        self.renamed = self.topic_names[0]  # its current name
        self.authors = [a.strip() for a in self.original[papers[0].title + 1].split(",")][:2]
        if len(outline.postings) < 1:
            raise ValueError("the guide has no job postings")
        self.posting = len(outline.postings) // 2  # which posting, by position
        self.posting_text = self.original[outline.postings[self.posting][1]]
        self.intro_text = self.original[outline.intro]

    def reset(self):
        """Back to the original text (the caller writes it)."""
        self.lines = list(self.original)
        self.retitled = self.paper_titles[0]
        self.renamed = self.topic_names[0]

    def marker(self, kind, number):
        """A word that appears nowhere else, e.g. "Qxvaddpaperc"."""
        return f"Bench{self.token}{kind.replace('-', '')}{letters(number)}"

    def next(self, kind):
        number = self.counts[kind]
        self.counts[kind] += 1
        lines = list(self.lines)
        outline = Outline(lines)
        edit = getattr(self, "_" + kind.replace("-", "_"))(lines, outline, number, self.marker(kind, number))
        self.lines = edit.lines
        return edit

    def _find_paper(self, lines, outline, title):
        for paper in outline.papers():
            if lines[paper.title] == title:
                return paper
        raise ValueError(f"paper not found: {title!r}")

    def _find_topic(self, lines, outline, name):
        for topic in outline.topics:
            if lines[topic.heading] == name:
                return topic
        raise ValueError(f"topic not found: {name!r}")

    def _pick(self, names, number, what):
        if number >= len(names):
            raise ValueError(f"the guide has only {len(names)} {what} the benchmark can use; ask for fewer edits")
        return names[number]

    def _retitle(self, lines, outline, number, marker):
        """The same paper, a new title each time: the marker first (a slug keeps 80 characters)."""
        paper = self._find_paper(lines, outline, self.retitled)
        topic = slug(lines[paper.topic.heading])
        old = slug(self.retitled)
        new_title = f"{marker} {self.paper_titles[0]}"
        new = slug(new_title)
        lines[paper.title] = new_title
        self.retitled = new_title
        return Edit("retitle", number, lines, f"paper retitled {new_title!r}",
                    exists=[(f"papers/{new}/", marker), (f"topics/{topic}/", _link(f"papers/{new}/"))],
                    gone=[f"papers/{old}/"], lacks=[(f"topics/{topic}/", _link(f"papers/{old}/"))],
                    page=f"topics/{topic}/", shows=marker)

    def _byline(self, lines, outline, number, marker):
        """Another paper each time, its byline one name longer: a name never seen before."""
        title = self._pick(self.paper_titles, number, "papers")
        paper = self._find_paper(lines, outline, title)
        name = f"Nadia {marker.capitalize()}"
        lines[paper.title + 1] = f"{lines[paper.title + 1]}, {name}"
        author, page = slug(name), slug(title)
        return Edit("byline", number, lines, f"{name!r} added to the byline of {title!r}",
                    exists=[(f"authors/{author}/", _link(f"papers/{page}/")),
                            (f"papers/{page}/", _link(f"authors/{author}/"))],
                    page=f"papers/{page}/", shows=name)

    def _add_paper(self, lines, outline, number, marker):
        """A new paper (title, byline of two existing authors, blank line) in the middle
        of another topic's papers each time."""
        name = self._pick(self.topic_names, number % len(self.topic_names), "topics")
        topic = self._find_topic(lines, outline, name)
        title = f"{marker}: adaptive kernels for streaming data"
        at = topic.papers[len(topic.papers) // 2].title
        lines[at:at] = [title, ", ".join(self.authors), ""]
        page, topic_page = slug(title), slug(name)
        return Edit("add-paper", number, lines, f"paper {title!r} added to {name!r}",
                    exists=[(f"papers/{page}/", marker), (f"topics/{topic_page}/", _link(f"papers/{page}/"))],
                    page=f"topics/{topic_page}/", shows=marker)

    def _remove_paper(self, lines, outline, number, marker):
        """Another paper each time: its title, byline and the blank line after them."""
        title = self._pick(self.paper_titles, number, "papers")
        paper = self._find_paper(lines, outline, title)
        name = lines[paper.topic.heading]
        del lines[paper.title:paper.title + 3]
        page, topic_page = slug(title), slug(name)
        return Edit("remove-paper", number, lines, f"paper {title!r} removed from {name!r}",
                    gone=[f"papers/{page}/"], lacks=[(f"topics/{topic_page}/", _link(f"papers/{page}/"))],
                    page=f"topics/{topic_page}/", shows=name, hides=title)

    def _add_topic(self, lines, outline, number, marker):
        """A new topic (heading, description, one new paper) before another topic each time."""
        before = self._pick(self.topic_names, number % len(self.topic_names), "topics")
        topic = self._find_topic(lines, outline, before)
        name = f"{marker} learning"
        title = f"{marker}: a first paper on {marker.lower()} learning"
        at = topic.heading
        lines[at:at] = [name, "", f"{name} is a topic the benchmark added.", "", title, ", ".join(self.authors), ""]
        page, topic_page = slug(title), slug(name)
        return Edit("add-topic", number, lines, f"topic {name!r} added before {before!r}",
                    exists=[(f"topics/{topic_page}/", _link(f"papers/{page}/")), (f"papers/{page}/", marker)],
                    listed=[_link(f"topics/{topic_page}/")],
                    page_listing=_link(f"topics/{slug(before)}/"), shows=name)

    def _rename_topic(self, lines, outline, number, marker):
        """The same topic, a new name each time."""
        topic = self._find_topic(lines, outline, self.renamed)
        old = slug(self.renamed)
        name = f"{self.topic_names[0]} {marker}"
        lines[topic.heading] = name
        self.renamed = name
        new = slug(name)
        return Edit("rename-topic", number, lines, f"topic renamed {name!r}",
                    exists=[(f"topics/{new}/", marker)],
                    gone=[f"topics/{old}/"], listed=[_link(f"topics/{new}/")], unlisted=[_link(f"topics/{old}/")],
                    page_listing=_link(f"topics/{old}/"), shows=name)

    def _intro(self, lines, outline, number, marker):
        """The paragraph after the subtitle, with a new last sentence each time."""
        lines[outline.intro] = f"{self.intro_text} This is the intro's edit {marker}."
        previous = [("", self.marker("intro", number - 1))] if number else []
        return Edit("intro", number, lines, f"intro ends with {marker!r}",
                    exists=[("", marker)], lacks=previous, page="", shows=marker)

    def _posting(self, lines, outline, number, marker):
        """The text under one location line, starting with a new word each time."""
        location, text = outline.postings[self.posting]
        # In its first sentence: the posting's heading, shown while its text is folded away.
        lines[text] = f"{marker}: {self.posting_text}"
        previous = [("careers/", self.marker("posting", number - 1))] if number else []
        return Edit("posting", number, lines, f"posting at {lines[location]!r} starts with {marker!r}",
                    exists=[("careers/", marker)], lacks=previous, page="careers/", shows=marker)


REPORT = re.compile(r"^\S.*: (\d+) pages? rewritten, .* in [0-9.]+ ms")


class GuideProcess:
    """`guide build --watch` or `guide serve` in the background, its output lines read as
    they come, each with the time it arrived."""

    def __init__(self, args, cwd):
        self.process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True, bufsize=1)
        self.lines = queue.Queue()
        self.stderr = []
        for stream, name in ((self.process.stdout, "out"), (self.process.stderr, "err")):
            threading.Thread(target=self._read, args=(stream, name), daemon=True).start()

    def _read(self, stream, name):
        for line in stream:
            if name == "err":
                self.stderr.append(line.rstrip("\n"))
            self.lines.put((time.perf_counter(), name, line.rstrip("\n")))
        self.lines.put((time.perf_counter(), name, None))

    def drain(self):
        """Forget lines that arrived so far."""
        while True:
            try:
                self.lines.get_nowait()
            except queue.Empty:
                return

    def wait(self, pattern, timeout):
        """(arrival time, match) of the first standard-output line matching `pattern`.
        Raises RuntimeError on an error line, on exit, or after `timeout` seconds."""
        deadline = time.perf_counter() + timeout
        while True:
            try:
                arrived, name, line = self.lines.get(timeout=max(0.0, deadline - time.perf_counter()))
            except queue.Empty:
                raise RuntimeError(f"nothing after {timeout:.0f} s; standard error ends: {self.stderr[-5:]}")
            if line is None:
                self.process.wait()
                raise RuntimeError(f"guide exited ({self.process.returncode}): {' / '.join(self.stderr[-5:])}")
            if name == "err" and re.search(r"(^|[\s:])error:", line):
                time.sleep(0.2)  # the rest of the message
                raise RuntimeError(" / ".join(self.stderr[-5:]))
            match = re.search(pattern, line) if name == "out" else None
            if match:
                return arrived, match

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def check_on_disk(edit, site, report):
    """Raises RuntimeError when the edit is not on disk as expected (`report` is guide's line)."""
    problem = edit.check(site)
    if problem:
        raise RuntimeError(f"edit {edit.number + 1}: {problem}; guide said: {report.group(0)}")


def progress(label, result):
    """One line for standard error: the latencies of a kind of edit, or what was wrong."""
    return f"  {label}: " + (f"wrong: {result['wrong']}" if result["wrong"] else
                            ", ".join(f"{l * 1000:.0f}" for l in result["latencies"]) + " ms")


def save(path, text):
    """Write the guide as an editor that saves in place does; the time the save ended."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return time.perf_counter()
