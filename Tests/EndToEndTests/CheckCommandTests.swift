import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `guide check` run as a process: what it reports, its exit status, and
/// that it writes nothing.
@Suite struct CheckCommandTests {
    @Test func aCleanProjectPassesAndNothingIsWritten() throws {
        let folder = try ProjectFolder()
        #expect(try folder.guide("new", "demo", "--base-url", "https://guides.example.org/").status == 0)
        let demo = ProjectFolder(root: folder.root.appendingPathComponent("demo"))
        let run = try demo.guide("check", "--strict")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "Checked 15 pages: 0 errors, 0 warnings, 0 notes\n")
        #expect(!demo.exists("Output"))
    }

    @Test func warningsFailOnlyWithStrict() throws {
        let project = try ProjectFolder(fixture: "basic", templates: false)
        let run = try project.guide("check")
        #expect(run.status == 0)
        #expect(run.stderr.contains("Content/guide.txt:28: warning: figure image \"Missing figure.png\" not found"))
        #expect(run.stdout == "Checked 16 pages: 0 errors, 1 warning, 2 notes\n")
        #expect(try project.guide("check", "--strict").status == 2)
    }

    /// Links written in the guide that lead nowhere are errors at their line;
    /// a repeated title and a name spelled two ways are warnings.
    @Test func brokenLinksRepeatedTitlesAndNamesSpelledTwoWays() throws {
        let project = try ProjectFolder(fixture: "basic", templates: false)
        var guide = try project.read("Content/guide.txt")
        guide = guide.replacingOccurrences(of: "Recommender systems rank items for users from sparse feedback.",
                                           with: "Recommender systems rank items (see [the index](/kdd/nowhere/) and [the figure](#no-such-figure)).")
        guide = guide.replacingOccurrences(of: "Listwise losses for long result pages\nCédric Jensen, Omar Haddad",
                                           with: "Listwise losses for long result pages\nCédric Jensen, Omar Haddad\n\nSession graphs for next-item recommendation\nA. Tanaka")
        try project.write(guide, to: "Content/guide.txt")
        let run = try project.guide("check", "--format", "json")
        #expect(run.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let texts = (report["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        // The topic's description is on the home page and on the topic's page.
        #expect(texts.contains("Content/guide.txt:10: error: link to \"/kdd/nowhere/\" leads to no page or file of the site (on 2 pages)"))
        #expect(texts.contains("Content/guide.txt:10: error: link to \"#no-such-figure\" names no element of its page (no id \"no-such-figure\" on index.html) (on 2 pages)"))
        #expect(texts.contains("Content/guide.txt:28: warning: paper title repeats the one at line 12; it gets its own page"))
        #expect(texts.contains { $0.hasPrefix("Content/guide.txt:29: warning: \"A. Tanaka\" and \"Aiko Tanaka\" (line 13) are probably one person") })
        #expect(report["errors"] as? Int == 2)
        #expect(!project.exists("Output"))
    }

    /// A broken link in an extra page's Markdown is reported at the page's line.
    @Test func aBrokenLinkInAnExtraPageIsReportedAtItsLine() throws {
        let project = try ProjectFolder(fixture: "basic", templates: false)
        try project.write("---\ntitle: About\n---\n\nOur [papers](/kdd/papers/) and [the booth](/kdd/booth/).\n", to: "Content/pages/about.md")
        let run = try project.guide("check")
        #expect(run.status == 1)
        #expect(run.stderr.contains("Content/pages/about.md:5: error: link to \"/kdd/booth/\" leads to no page or file of the site\n"))
        #expect(!run.stderr.contains("/kdd/papers/"))
        #expect(!project.exists("Output"))
    }

    /// Every kind of answer from a local server: only a 404 or 410 is an error.
    @Test func externalLinks() throws {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-u", GuideBinary.repository.appendingPathComponent("Tests/Servers/link_server.py").path]
        let out = Pipe()
        server.standardOutput = out
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            // SIGKILL: the test runner's children may inherit SIGTERM ignored.
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        var portText = ""
        while !portText.hasSuffix("\n") {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            guard !byte.isEmpty else { break }
            portText += String(decoding: byte, as: UTF8.self)
        }
        let base = "http://127.0.0.1:\(portText.trimmingCharacters(in: .whitespacesAndNewlines))"
        let paths = ["ok", "moved", "found", "missing", "gone", "no-head", "error", "slow"]
        let project = try ProjectFolder(fixture: "basic", templates: false)
        var guide = try project.read("Content/guide.txt")
        let links = paths.map { "[\($0)](\(base)/\($0))" }.joined(separator: ", ")
        guide = guide.replacingOccurrences(of: "Learning to rank orders documents by relevance.", with: "Links: \(links).")
        try project.write(guide, to: "Content/guide.txt")

        let start = Date()
        let run = try project.guide("check", "--external", "--timeout", "1", "--format", "json")
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(run.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let found = (report["diagnostics"] as? [[String: Any]] ?? []).filter { ($0["message"] as? String)?.contains(base) == true }
        let byPath = Dictionary(uniqueKeysWithValues: found.map { entry -> (String, String) in
            let message = entry["message"] as! String
            let path = paths.first { message.hasPrefix("link to \"\(base)/\($0)\"") } ?? "?"
            return (path, "\(entry["severity"]!) \(entry["line"]!): \(message)")
        })
        #expect(report["externalLinks"] as? Int == paths.count)
        #expect(byPath.keys.sorted() == ["error", "gone", "missing", "moved", "slow"])
        #expect(byPath["moved"] == "warning 23: link to \"\(base)/moved\" has moved permanently to \"\(base)/ok\"; link there instead (on 2 pages)")
        #expect(byPath["missing"] == "error 23: link to \"\(base)/missing\" is broken: the server answers 404 (not found) (on 2 pages)")
        #expect(byPath["gone"] == "error 23: link to \"\(base)/gone\" is broken: the server answers 410 (not found) (on 2 pages)")
        #expect(byPath["error"] == "warning 23: link to \"\(base)/error\" failed: the server answers 500 (on 2 pages)")
        #expect(byPath["slow"] == "warning 23: link to \"\(base)/slow\" did not answer within 1 s (on 2 pages)")
    }
}
