import Foundation
import Testing
@testable import GuideKit

/// Long lists cut into pages: the home page's topics (then `topics/page/2/`…),
/// a topic's papers, an author's papers, the A–Z author index by letter; and
/// lists cut short: a topic card's papers, an author's co-authors. On a guide
/// this test writes itself, remembering what it wrote (the oracle), with small
/// limits in `site.yml`: every page is reached by following the Next links
/// from the first, and every topic, paper and author is on exactly one page.
@Suite struct PagingTests {
    /// What the generated guide holds, in its order.
    struct Generated {
        var text: String
        /// Topic titles, and each topic's paper slugs.
        var topics: [(title: String, slug: String, papers: [String])] = []
        /// Author name → their paper slugs, in the guide's order.
        var papersByAuthor: [String: [String]] = [:]
        /// Author name → co-author name → papers together.
        var shared: [String: [String: Int]] = [:]
    }

    /// Surnames sort as written: the A–Z order is their order here (five under A, so that A has pages).
    static let pool = ["Ana Abbott", "Ben Adams", "Cy Allen", "Dee Avery", "Eve Ayers", "Fay Baker", "Gus Brooks",
                       "Hal Cole", "Ivy Dunn", "Jon Ellis", "Kim Frost", "Lou Grant"]
    static let prolific = "Pat Prolific"
    /// Papers of each topic.
    static let topicSizes = [1, 2, 3, 5, 7]
    static let topicNames = ["Bandits", "Causality", "Diffusion", "Embeddings", "Forecasting"]
    static let words = ["robust", "sparse", "scalable", "private", "causal", "efficient", "adaptive"]

    /// Five topics of 1 to 7 papers, 18 papers in all; Pat Prolific wrote every
    /// one, with two of the twelve others.
    static func generate() -> Generated {
        var generated = Generated(text: "")
        var lines = ["A quick guide to Northwind’s papers at KDD 2024", "", "Our papers, topic by topic.", "",
                     "This year we bring many papers.", ""]
        var number = 0
        for (topic, size) in zip(topicNames, topicSizes) {
            lines += [topic, "", "Papers about \(topic.lowercased()).", ""]
            var slugs: [String] = []
            for _ in 0..<size {
                let title = "Learning \(words[number % words.count]) models for \(topic.lowercased()) case \(number + 1)"
                let slug = Slug.make(title)
                let others = [pool[number % pool.count], pool[(number * 5 + 3) % pool.count]]
                let authors = [prolific] + (others[0] == others[1] ? [others[0]] : others)
                lines += [title, authors.joined(separator: ", "), ""]
                for author in authors {
                    generated.papersByAuthor[author, default: []].append(slug)
                    for other in authors where other != author { generated.shared[author, default: [:]][other, default: 0] += 1 }
                }
                slugs.append(slug)
                number += 1
            }
            generated.topics.append((topic, Slug.make(topic), slugs))
        }
        generated.text = lines.joined(separator: "\n")
        return generated
    }

    static let settings = "papers_per_page: 3\ntopics_per_page: 2\ntopic_card_papers: 2\nauthors_per_page: 4\ncoauthors_shown: 3\n"

    static func site(baseURL: String) throws -> (TemporarySite, Generated) {
        let generated = generate()
        let site = try TemporarySite(["Content/kdd-2024.txt": generated.text,
                                      "Content/site.yml": settings + "base_url: \(baseURL)\n"])
        try site.build()
        return (site, generated)
    }

    /// A built site's pages, read as a browser follows their links.
    struct Pages {
        let site: TemporarySite

        /// The file a link on page `file` (a path under Output) leads to.
        func target(of href: String, from file: String) -> String {
            var href = href.replacingOccurrences(of: "&amp;", with: "&")
            if href.hasPrefix("https://example.org/") { href = String(href.dropFirst("https://example.org".count)) }
            var parts = href.hasPrefix("/") ? [] : file.split(separator: "/").dropLast().map(String.init)
            for part in href.split(separator: "/", omittingEmptySubsequences: true) {
                if part == ".." { parts.removeLast() } else if part != "." { parts.append(String(part)) }
            }
            let path = parts.joined(separator: "/")
            return path.hasSuffix(".html") ? path : (path.isEmpty ? "" : path + "/") + "index.html"
        }

        func html(_ file: String) throws -> String {
            try site.read("Output/" + file)
        }

        /// Every match of `pattern`'s first group in `text`.
        func matches(_ pattern: String, in text: String) -> [String] {
            let regex = try! NSRegularExpression(pattern: pattern)
            return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
                String(text[Range($0.range(at: 1), in: text)!])
            }
        }

        /// The files of a list's pages, from its first by the Next links; each
        /// page's Previous link must lead back to the page before it, and on a
        /// list of several pages, the head's `rel` links must say the same (a
        /// topic of one page links its neighbour topics there).
        func walk(from first: String) throws -> [String] {
            var files = [first]
            while true {
                let file = files.last!
                let html = try self.html(file)
                let previous = matches(#"<a href="([^"]+)" rel="prev">Previous</a>"#, in: html)
                let next = matches(#"<a href="([^"]+)" rel="next">Next</a>"#, in: html)
                #expect(previous.map { target(of: $0, from: file) } == (files.count > 1 ? [files[files.count - 2]] : []), "\(file)")
                if html.contains("<nav class=\"pagination\"") {
                    #expect(matches(#"<link rel="prev" href="([^"]+)">"#, in: html) == previous, "\(file)")
                    #expect(matches(#"<link rel="next" href="([^"]+)">"#, in: html) == next, "\(file)")
                }
                guard let link = next.first else { return files }
                let nextFile = target(of: link, from: file)
                #expect(site.exists("Output/" + nextFile), "\(file) links to \(link)")
                guard !files.contains(nextFile), files.count < 100 else { Issue.record("\(file): Next goes back"); return files }
                files.append(nextFile)
            }
        }

        /// The paper slugs of a page's cards, in order.
        func paperSlugs(_ file: String) throws -> [String] {
            let html = try self.html(file)
            return matches(#"class="paper-card-title"><a href="([^"]+)""#, in: html).map {
                let path = target(of: $0, from: file)
                return path.split(separator: "/").dropLast().last.map(String.init) ?? ""
            }
        }
    }

    @Test(arguments: ["https://example.org/", "relative"])
    func everyTopicAndPaperIsOnExactlyOnePageOfTheTopicLists(baseURL: String) throws {
        let (site, generated) = try Self.site(baseURL: baseURL)
        let pages = Pages(site: site)
        // 5 topics, 2 a page: the home page, then topics/page/2/ and 3/.
        let topicPages = try pages.walk(from: "index.html")
        #expect(topicPages == ["index.html", "topics/page/2/index.html", "topics/page/3/index.html"])
        var titles: [String] = []
        var seenPapers: [String] = []
        for file in topicPages {
            let html = try pages.html(file)
            let cards = html.components(separatedBy: "<li class=\"topic-card\">").dropFirst()
            #expect(cards.count == (file == "topics/page/3/index.html" ? 1 : 2))
            for card in cards {
                let title = pages.matches(#"class="topic-card-title"><a href="[^"]+">([^<]+)</a>"#, in: card)
                titles += title
                let topic = generated.topics.first { $0.title == title.first }!
                // Its first two papers, and a link to all of them when it has more.
                let list = card.components(separatedBy: "<ul class=\"topic-card-papers\">")[1].components(separatedBy: "</ul>")[0]
                let links = pages.matches(#"<li><a href="([^"]+)">"#, in: list).map { pages.target(of: $0, from: file) }
                #expect(links == topic.papers.prefix(2).map { "papers/\($0)/index.html" })
                let more = pages.matches(#"class="topic-card-more"><a href="([^"]+)">All (\d+) papers on "#, in: card)
                #expect(more.map { pages.target(of: $0, from: file) } == (topic.papers.count > 2 ? ["topics/\(topic.slug)/index.html"] : []))
                if topic.papers.count > 2 { #expect(card.contains("All \(topic.papers.count) papers on \(topic.title)")) }
                // The topic's own pages, 3 papers a page.
                let own = try pages.walk(from: "topics/\(topic.slug)/index.html")
                #expect(own.count == (topic.papers.count + 2) / 3)
                let papers = try own.flatMap { try pages.paperSlugs($0) }
                #expect(papers == topic.papers)
                seenPapers += papers
                if own.count > 1 {
                    #expect(try pages.html(own[1]).contains("<title>\(topic.title), page 2 of \(own.count) · "))
                }
            }
        }
        #expect(titles == Self.topicNames)
        #expect(seenPapers.count == 18 && Set(seenPapers).count == 18)
        #expect(try pages.html("topics/page/2/index.html").contains("<title>Topics at KDD 2024, page 2 of 3 · "))
        // Which page, not how many topics (the home page says that): a topic
        // added changes the pages from its place on, not every one.
        #expect(try pages.html("topics/page/2/index.html").contains("The topics of this guide, in its order. Page 2 of 3."))
        #expect(try pages.html("topics/page/3/index.html")
            .contains(#"<meta name="description" content="Topics at KDD 2024, in the order of the guide: page 3 of 3.">"#))
    }

    @Test(arguments: ["https://example.org/", "relative"])
    func everyAuthorIsOnExactlyOnePageOfTheIndex(baseURL: String) throws {
        let (site, generated) = try Self.site(baseURL: baseURL)
        let pages = Pages(site: site)
        // 13 authors, more than 4: /authors/ links to each letter's pages, with counts.
        let index = try pages.html("authors/index.html")
        let letters = pages.matches(#"<li><a href="([^"]+)"><span class="letter-index-letter">"#, in: index)
            .map { pages.target(of: $0, from: "authors/index.html") }
        #expect(letters == ["a", "b", "c", "d", "e", "f", "g", "p"].map { "authors/letter/\($0)/index.html" })
        #expect(pages.matches(#"\(authors: </span>(\d+)<"#, in: index) == ["5", "2", "1", "1", "1", "1", "1", "1"])
        #expect(!index.contains("class=\"author-list\""))
        var listed: [String] = []
        for letter in letters {
            let files = try pages.walk(from: letter)
            #expect(files.count == (letter == "authors/letter/a/index.html" ? 2 : 1))
            for file in files {
                let html = try pages.html(file)
                let list = html.components(separatedBy: "<ul class=\"author-list\">")[1].components(separatedBy: "</ul>")[0]
                listed += pages.matches(#"<li><a href="[^"]+">([^<]+)</a>"#, in: list)
            }
        }
        #expect(listed == Self.pool + [Self.prolific])
        #expect(Set(listed) == Set(generated.papersByAuthor.keys) && listed.count == 13)
        #expect(try pages.html("authors/letter/a/page/2/index.html").contains("<title>Authors: A, page 2 of 2 · "))
    }

    @Test(arguments: ["https://example.org/", "relative"])
    func everyPaperOfAnAuthorIsOnExactlyOneOfTheirPages(baseURL: String) throws {
        let (site, generated) = try Self.site(baseURL: baseURL)
        let pages = Pages(site: site)
        for (author, papers) in generated.papersByAuthor {
            let files = try pages.walk(from: "authors/\(Slug.make(author))/index.html")
            #expect(files.count == (papers.count + 2) / 3, "\(author)")
            #expect(try files.flatMap { try pages.paperSlugs($0) } == papers, "\(author)")
            // Co-authors on the first page only: at most 3, then how many more.
            let coauthors = generated.shared[author]!
            let first = try pages.html(files[0])
            let chips = first.components(separatedBy: "class=\"chip-list\"").dropFirst().first?.components(separatedBy: "</ul>")[0] ?? ""
            let shown = pages.matches(#"<a class="chip" href="[^"]+">([^<]+)</a>"#, in: chips)
            #expect(shown.count == min(3, coauthors.count), "\(author)")
            #expect(first.contains("and \(coauthors.count - 3) more co-authors") == (coauthors.count > 3), "\(author)")
            for file in files.dropFirst() { #expect(!(try pages.html(file)).contains("chip-list"), "\(file)") }
        }
        // Pat wrote all 18 papers: 6 pages; of the 12 co-authors, the three
        // with 4 papers together (counted by hand), in the order they first appear.
        let first = try pages.html("authors/pat-prolific/index.html")
        let chips = first.components(separatedBy: "class=\"chip-list\"")[1].components(separatedBy: "</ul>")[0]
        #expect(pages.matches(#"<a class="chip" href="[^"]+">([^<]+)</a>"#, in: chips) == ["Dee Avery", "Ben Adams", "Eve Ayers"])
        #expect(first.contains("and 9 more co-authors"))
        #expect(try pages.html("authors/pat-prolific/page/6/index.html").contains("<title>Pat Prolific, page 6 of 6 · "))
    }

    /// Every `rel="prev"` and `rel="next"` link of every page leads to a page
    /// that exists; the sitemap lists every page of every list, each with its
    /// own canonical link.
    @Test func everyPreviousAndNextLinkLeadsToAPage() throws {
        let (site, _) = try Self.site(baseURL: "https://example.org/")
        let pages = Pages(site: site)
        let files = site.snapshot().keys.filter { $0.hasSuffix(".html") }.sorted()
        var links = 0
        for file in files {
            let html = try pages.html(file)
            for href in pages.matches(#"rel="(?:prev|next)" href="([^"]+)""#, in: html)
                + pages.matches(#"href="([^"]+)" rel="(?:prev|next)""#, in: html) {
                links += 1
                #expect(site.exists("Output/" + pages.target(of: href, from: file)), "\(file): \(href)")
            }
        }
        #expect(links > 50)
        let sitemap = try site.read("Output/sitemap.xml")
        for file in files where file.contains("/page/") || file.hasPrefix("authors/letter/") {
            let url = "https://example.org/" + Routes.route(of: file)
            #expect(sitemap.contains("<loc>\(url)</loc>"), "\(url)")
            #expect(try pages.html(file).contains("<link rel=\"canonical\" href=\"\(url)\">"), "\(file)")
        }
        #expect(files.contains("topics/forecasting/page/3/index.html"))
        #expect(!files.contains("topics/forecasting/page/4/index.html"))
    }

    /// With the default limits, the same guide has no page of any list but the first.
    @Test func shortListsHaveOnePage() throws {
        let site = try TemporarySite(["Content/kdd-2024.txt": Self.generate().text])
        try site.build()
        let files = site.snapshot().keys
        #expect(!files.contains { $0.contains("/page/") || $0.hasPrefix("authors/letter/") })
        let home = try site.read("Output/index.html")
        #expect(!home.contains("class=\"pagination\""))
        // Cards list 5 papers: only Forecasting, of 7, links to the rest.
        #expect(home.components(separatedBy: "class=\"topic-card-more\"").count == 2)
        #expect(home.contains("All 7 papers on Forecasting"))
        #expect(try site.read("Output/authors/index.html").contains("class=\"author-list\""))
    }

    /// The letters of the index: A to Z, then "#" once for every other name,
    /// whether it sorts before "A" (a digit; a name `authors.yml` gives) or
    /// after "Z" (another script).
    @Test func otherNamesFileUnderOneLetterAfterZ() throws {
        let guide = """
            A quick guide to Northwind’s papers at KDD 2024

            Intro.

            Learning robust models
            Ana Abbott, Wei 王, Zed Zorn

            Learning sparse models
            Bo Lee, Ana Abbott
            """
        let site = try TemporarySite(["Content/kdd-2024.txt": guide, "Content/site.yml": "authors_per_page: 2\n",
                                      "Content/authors.yml": "\"Bo Lee\": \"Bo 2Chainz\"\n"])
        try site.build()
        let pages = Pages(site: site)
        let index = try pages.html("authors/index.html")
        #expect(pages.matches(#"<span class="letter-index-letter">([^<]+)</span>"#, in: index) == ["A", "Z", "#"])
        let other = try pages.html("authors/letter/other/index.html")
        let list = other.components(separatedBy: "<ul class=\"author-list\">")[1]
        #expect(pages.matches(#"<li><a href="[^"]+">([^<]+)</a>"#, in: list) == ["Bo 2Chainz", "Wei 王"])
        #expect(other.contains("<title>Authors: other names · "))
    }

    /// The letter a sort key files under: its first character's capital when
    /// that is A to Z, else "#".
    @Test func aSortKeyFilesUnderItsFirstLetter() {
        let cases: [(String, String)] = [
            ("steeg greg", "S"), ("a", "A"), ("Zhang", "Z"), ("q-learning", "Q"),
            ("", "#"), ("2chainz bo", "#"), ("@handle", "#"), ("[x]", "#"), ("`x", "#"), ("{x", "#"), ("\r\nx", "#"),
            ("王 wei", "#"), ("éclair", "#"), ("ßx", "#"), ("ǆx", "#"),
        ]
        for (key, letter) in cases {
            #expect(SortKey.letter(of: key) == letter, "\(key)")
        }
    }

    /// The letter a title files under in "All papers": that of its sort key,
    /// case and accents ignored.
    @Test func aTitleFilesUnderTheLetterOfItsSortKey() {
        let cases: [(String, String)] = [
            ("Deep nets", "D"), ("deep nets", "D"), ("Éclair of graphs", "E"), ("Ørsted's law", "#"), ("42 ways", "#"),
            ("\"Quoted\" title", "#"), ("A", "A"), ("", "#"), ("Ça marche", "C"), ("Über alles", "U"), ("王 paper", "#"),
            ("E\u{301}tude", "E"), ("ǅemal", "#"), ("Zeta", "Z"),
        ]
        for (title, letter) in cases {
            #expect(String(UnicodeScalar(SortKey.letterByte(ofTitle: title))) == letter, "\(title)")
            #expect(SortKey.letter(of: SortKey.of(title)) == letter, "\(title)")
        }
    }
}
