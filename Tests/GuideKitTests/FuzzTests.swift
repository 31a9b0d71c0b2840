import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Synchronization
import Testing
@testable import GuideKit

/// Mutated guides (from the seed and the fixtures) run through the parser and
/// the renderer in memory. Every one must give a site or an error with its
/// line, in time; and the site must hold every line's words (nothing lost),
/// escape what it shows (no injected markup, no `javascript:` link, content
/// never read as a template), and be well-formed XML and JSON.
///
/// Seeded, so a failure can be replayed: the failing case's seed and
/// mutations are printed, and its bytes written under the temporary folder.
/// `GUIDE_FUZZ_COUNT` sets how many guides (10,000 by default).
@Suite struct FuzzTests {
    static let count = Int(ProcessInfo.processInfo.environment["GUIDE_FUZZ_COUNT"] ?? "") ?? 10_000
    static let firstSeed = UInt64(ProcessInfo.processInfo.environment["GUIDE_FUZZ_SEED"] ?? "") ?? 1

    static let sources: [[UInt8]] = Fixtures.guideFiles.compactMap { try? Fixtures.bytes($0) }
    static let templates = try! TemplateSet(directory: Fixtures.repository.appendingPathComponent("Templates"), displayPath: "Templates")

    /// What a mutation can insert: markup, template tags, dangerous links,
    /// invisible and control characters, and Markdown that hides lines.
    static let payloads = [
        "<script>alert(7)</script>", "[click](javascript:alert(7))", "<img src=x onerror=alert(7)>", "javascript:alert(7)",
        "{{site.title}}", "{{#papers}}loop{{/papers}}", "{{>layout}}", "\u{200B}", "\u{FEFF}", "\u{200D}", "\u{0C}", "\u{0}",
        "\u{1B}[31m", "\u{85}", "[1]: https://example.org/ref", "<div class=\"note\">", "<!-- hidden -->", "```", "Related content",
        "*", "# Heading", "> quote", "    code", "&amp; &ouml; &#0;", "\"quoted title\"", "“curly”", "Zoë Ångström, Łukasz Żółć",
    ]

    enum Mutation: CaseIterable {
        case flipByte, invalidUTF8, swapLines, moveBlock, truncate, hugeLine, hugeByline, control, zeroWidth,
             payload, duplicateLine, deleteLine, blankLine, joinLines
    }

    @Test func mutatedGuidesGiveASiteOrAnErrorAndLoseNothing() throws {
        let failures = Mutex<[String]>([])
        let slowest = Mutex<(Duration, String)>((.zero, ""))
        // One core left to the tests that run beside this one (a preview
        // server that must start in time): the fuzz loop takes a minute or two.
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < Self.count {
                let seed = Self.firstSeed &+ UInt64(index)
                var random = RandomEditTests.SeededRandom(state: seed)
                let (bytes, mutations) = Self.mutatedGuide(&random)
                let start = ContinuousClock.now
                let problems = Self.check(bytes)
                let elapsed = ContinuousClock.now - start
                slowest.withLock { if elapsed > $0.0 { $0 = (elapsed, "seed \(seed) \(mutations)") } }
                if !problems.isEmpty {
                    let file = FileManager.default.temporaryDirectory.appendingPathComponent("guide-fuzz-\(seed).txt")
                    try? Data(bytes).write(to: file)
                    failures.withLock { $0.append("seed \(seed) \(mutations) (\(file.path)): \(problems.joined(separator: "; "))") }
                }
                index += workers
            }
        }
        let found = failures.withLock { $0 }
        #expect(found.isEmpty, "\(found.count) of \(Self.count) failed:\n\(found.prefix(20).joined(separator: "\n"))")
        let (time, which) = slowest.withLock { $0 }
        print("fuzz: \(Self.count) guides, \(found.count) failures, slowest \(time) (\(which))")
        // Generous for a loaded debug build; a quadratic path takes minutes on the huge inputs.
        #expect(time < .seconds(30), "a guide took \(time): \(which)")
    }

    /// Inputs that once crashed the build, hid lines or lost them: each stays a fixture.
    static let regressions: [URL] = {
        let folder = Fixtures.repository.appendingPathComponent("Tests/Fixtures/fuzz")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { folder.appendingPathComponent($0) }
    }()

    @Test(arguments: regressions)
    func inputsThatOnceFailedPass(_ file: URL) throws {
        #expect(Self.check(try Fixtures.bytes(file)) == [])
    }

    // MARK: - Mutations

    /// A window of a source (a large one is cut to at most 60 lines), mutated one to four times.
    static func mutatedGuide(_ random: inout RandomEditTests.SeededRandom) -> ([UInt8], [Mutation]) {
        let source = sources.randomElement(using: &random)!
        var lines = source.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        if lines.count > 60 {
            let start = Int.random(in: 0..<(lines.count - 60), using: &random)
            lines = Array(lines[start..<(start + 60)])
            // Keep the first line as a title most of the time.
            if Bool.random(using: &random) { lines[0] = Array(source.prefix(while: { $0 != UInt8(ascii: "\n") })) }
        }
        var mutations: [Mutation] = []
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let mutation = Mutation.allCases.randomElement(using: &random)!
            mutations.append(mutation)
            apply(mutation, to: &lines, &random)
        }
        return (Array(lines.joined(separator: [UInt8(ascii: "\n")])), mutations)
    }

    static func apply(_ mutation: Mutation, to lines: inout [[UInt8]], _ random: inout RandomEditTests.SeededRandom) {
        if lines.isEmpty { lines = [[]] }
        let line = Int.random(in: 0..<lines.count, using: &random)
        func insert(_ bytes: [UInt8]) {
            let offset = Int.random(in: 0...lines[line].count, using: &random)
            lines[line].insert(contentsOf: bytes, at: offset)
        }
        switch mutation {
        case .flipByte:
            if !lines[line].isEmpty {
                let offset = Int.random(in: 0..<lines[line].count, using: &random)
                lines[line][offset] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
            }
        case .invalidUTF8:
            insert([[0xFF], [0xC3, 0x28], [0x80], [0xE2, 0x82], [0xED, 0xA0, 0x80]].randomElement(using: &random)!)
        case .swapLines:
            lines.swapAt(line, Int.random(in: 0..<lines.count, using: &random))
        case .moveBlock:
            let length = min(lines.count - line, Int.random(in: 1...6, using: &random))
            let block = lines[line..<(line + length)]
            lines.removeSubrange(line..<(line + length))
            lines.insert(contentsOf: block, at: Int.random(in: 0...lines.count, using: &random))
        case .truncate:
            let all = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
            let cut = Array(all.prefix(Int.random(in: 0...all.count, using: &random)))
            lines = cut.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        case .hugeLine:
            let words = ["sparse", "robust", "Bayesian", "graphs", "“attention”", "causal", "R&D", "été", "<b>", "{{x}}", ":"]
            let text = (0..<logUniform(100...20_000, &random)).map { _ in words.randomElement(using: &random)! }
            lines.insert(Array(text.joined(separator: " ").utf8), at: line)
        case .hugeByline:
            let names = (0..<logUniform(20...400, &random)).map { "Author\($0) Person\($0 % 7)" }
            lines[line] = Array(names.joined(separator: ", ").utf8)
        case .control:
            insert(Array(["\u{0C}", "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{FFFE}", "\u{8}"].randomElement(using: &random)!.utf8))
        case .zeroWidth:
            insert(Array(["\u{200B}", "\u{FEFF}", "\u{200D}", "\u{2028}", "\u{00A0}"].randomElement(using: &random)!.utf8))
        case .payload:
            insert(Array(payloads.randomElement(using: &random)!.utf8))
        case .duplicateLine:
            lines.insert(lines[line], at: line)
        case .deleteLine:
            lines.remove(at: line)
        case .blankLine:
            if lines[line].allSatisfy({ $0 == 0x20 }) { lines.remove(at: line) } else { lines.insert([], at: line) }
        case .joinLines:
            if line + 1 < lines.count { lines[line] += [0x20] + lines.remove(at: line + 1) }
        }
    }

    /// Sizes spread evenly on a log scale: mostly small, sometimes the largest,
    /// so that huge inputs are tried without every guide costing seconds.
    static func logUniform(_ range: ClosedRange<Int>, _ random: inout RandomEditTests.SeededRandom) -> Int {
        let exponent = Double.random(in: log(Double(range.lowerBound))...log(Double(range.upperBound)), using: &random)
        return min(range.upperBound, max(range.lowerBound, Int(exp(exponent))))
    }

    // MARK: - Oracles

    /// What is wrong with the guide's handling; empty when nothing is.
    static func check(_ bytes: [UInt8]) -> [String] {
        let file = "Content/fuzz.txt"
        // The lines as the parser numbers them, to judge what it says.
        let lineCount = bytes.withUnsafeBufferPointer { SourceLines.texts(in: $0, validating: false)?.count ?? 0 }
        let parse: GuideParser.Result
        do {
            parse = try GuideParser().parse(bytes: bytes, file: file)
        } catch {
            guard let line = error.line, (1...max(1, lineCount)).contains(line), error.file == file else {
                return ["an error without a line in the file: \(error)"]
            }
            return []
        }
        let source: SourceLines
        do {
            source = try SourceLines(bytes: bytes, file: file)
        } catch {
            return ["parsed, but the lines cannot be read: \(error)"]
        }
        let nonBlank = source.lines.filter { !$0.isBlank }
        let reported = parse.diagnostics.filter(\.isError).compactMap(\.line)
        let placed = parse.guide.placedLines
        guard (placed + reported).sorted() == nonBlank.map(\.number), Set(placed).count == placed.count else {
            return ["lines placed \(placed.sorted()) and reported \(reported) are not the non-blank lines once each"]
        }
        guard reported.isEmpty else { return [] }

        let rendered: [(path: String, bytes: [UInt8])]
        do {
            rendered = try render(bytes, file: file)
        } catch {
            return error.errors.allSatisfy({ $0.line != nil }) ? [] : ["the build failed without a line: \(error)"]
        }
        // A line that no page shows must be reported: those with a diagnostic are.
        let warned = Set(parse.diagnostics.compactMap(\.line))
        return checkSite(rendered, lines: nonBlank.filter { !warned.contains($0.number) }.map(\.text))
    }

    /// The site of one guide, rendered in memory.
    static func render(_ bytes: [UInt8], file: String) throws(BuildFailure) -> [(path: String, bytes: [UInt8])] {
        let folder = URL(fileURLWithPath: "/nonexistent-fuzz/Content")
        var content = ContentSource(
            directory: folder, displayPath: "Content",
            guides: [.init(slug: "fuzz", displayPath: file, bytes: bytes, modified: Date(timeIntervalSince1970: 1_700_000_000),
                           settingsText: nil, settingsDisplayPath: "Content/fuzz.yml")],
            configText: nil, configDisplayPath: "Content/site.yml", aliasesText: nil, aliasesDisplayPath: "Content/authors.yml",
            imagesFolder: folder.appendingPathComponent("images"), imagesDisplayPath: "Content/images", imageNames: [])
        let options = BuildOptions(contentDirectory: folder, templatesDirectory: folder, outputDirectory: folder, workers: 1)
        var steps = StepClock()
        var warnings: [Diagnostic] = []
        let site = try SiteBuilder.plan(&content, templates, options: options, keepingState: false, steps: &steps, warnings: &warnings)
        let writer = SiteWriter(renderer: OutputRenderer(snapshot: site.snapshot, records: false), workers: 1)
        let outputs = site.listings.outputs
        let rendered: [(RenderedOutput, [Fact])]
        do {
            rendered = try writer.render(outputs)
        } catch {
            throw BuildFailure(step: "render", diagnostics: [error])
        }
        return zip(outputs, rendered).map { output, result in
            switch result.0 {
            case .page(let html): (output.path, Array(html.utf8))
            case .file(let bytes): (output.path, bytes)
            case .parts(let parts): (output.path, parts.joined)
            }
        }
    }

    static func checkSite(_ files: [(path: String, bytes: [UInt8])], lines: [String]) -> [String] {
        var problems: [String] = []
        var everything = ""
        for (path, bytes) in files {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                problems.append("\(path) is not UTF-8")
                continue
            }
            everything += text
            if path.hasSuffix(".html") {
                for injected in ["<script>alert(7)", "onerror=alert(7)>", "href=\"javascript:", "src=\"javascript:", "loop</", "{{site.title}}\u{0}"]
                    where text.contains(injected) {
                    problems.append("\(path) holds \(injected.debugDescription) unescaped")
                }
                if let forbidden = text.unicodeScalars.first(where: SourceLines.isForbidden) {
                    problems.append("\(path) holds U+\(String(forbidden.value, radix: 16))")
                }
            } else if path.hasSuffix(".xml") {
                let parser = XMLParser(data: Data(bytes))
                if !parser.parse() { problems.append("\(path) is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")") }
            } else if path.hasSuffix(".json") {
                if (try? JSONSerialization.jsonObject(with: Data(bytes))) == nil { problems.append("\(path) is not JSON") }
            }
        }
        // Nothing lost: every word of three letters or more of every line is somewhere in the site.
        let siteWords = Set(words(of: everything, droppingEntities: false))
        for line in lines {
            for word in words(of: line, droppingEntities: true) where !siteWords.contains(word) {
                problems.append("the word \"\(word)\" of the line \"\(line.prefix(80))\" is on no page")
                break
            }
        }
        return problems
    }

    /// Runs of letters and digits, lowercased, of three or more characters.
    /// In a line, not an entity's name (after "&"), which a page shows as its
    /// character, nor a `javascript:` link's target, which the safe renderer drops.
    static func words(of text: String, droppingEntities: Bool) -> [String] {
        var text = text.lowercased()
        if droppingEntities {
            while let start = text.range(of: "](javascript:"), let end = text[start.upperBound...].firstIndex(of: ")") {
                text.removeSubrange(text.index(after: start.lowerBound)...end)
            }
        }
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var afterAmpersand = false
        for scalar in text.unicodeScalars + [" "] {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else {
                if current.count >= 3, !(droppingEntities && afterAmpersand) { words.append(String(current)) }
                afterAmpersand = scalar == "&" || (scalar == "#" && afterAmpersand && current.isEmpty)
                current = String.UnicodeScalarView()
            }
        }
        return words
    }
}
