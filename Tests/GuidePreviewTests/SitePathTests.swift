import Testing

@testable import GuidePreview

@Suite struct SitePathTests {
    @Test func parsesSegmentsAndTrailingSlash() throws {
        let root = try SitePath(rawPath: "/")
        #expect(root.segments.isEmpty && root.hasTrailingSlash)
        let folder = try SitePath(rawPath: "/papers/x/")
        #expect(folder.segments == ["papers", "x"] && folder.hasTrailingSlash)
        let file = try SitePath(rawPath: "/a%20b/c%C3%A9.html")
        #expect(file.segments == ["a b", "cé.html"] && !file.hasTrailingSlash)
        #expect(file.relativePath == "a b/cé.html")
    }

    @Test(arguments: [
        ("/../x", SitePathError.dotSegment),
        ("/a/./b", .dotSegment),
        ("/%2e%2e/x", .dotSegment),
        ("/a%2fb", .forbiddenCharacter),
        ("/a%5cb", .forbiddenCharacter),
        ("/a\\b", .forbiddenCharacter),
        ("/a%00", .forbiddenCharacter),
        ("/a%0a", .forbiddenCharacter),
        ("//a", .emptySegment),
        ("/a//b", .emptySegment),
        ("a/b", .notAbsolute),
        ("", .notAbsolute),
        ("/%", .malformedEscape),
        ("/%4", .malformedEscape),
        ("/%gg", .malformedEscape),
        ("/%ff", .invalidUTF8),
    ])
    func rejects(raw: String, error: SitePathError) {
        #expect(throws: error) { try SitePath(rawPath: raw) }
    }

    @Test func containmentIsComponentWise() {
        #expect(SitePath.isInside("/srv/site", root: "/srv/site"))
        #expect(SitePath.isInside("/srv/site/a", root: "/srv/site"))
        #expect(!SitePath.isInside("/srv/site2/a", root: "/srv/site"))
        #expect(!SitePath.isInside("/srv", root: "/srv/site"))
        #expect(SitePath.isInside("/anything", root: "/"))
    }

    @Test func resolutionRefusesSymlinksLeavingTheRoot() throws {
        let site = try TestSite()
        defer { site.remove() }
        #expect(try SitePath(rawPath: "/leak.txt").resolve(in: site.root) == .notFound)
        #expect(try SitePath(rawPath: "/leakdir/secret.txt").resolve(in: site.root) == .notFound)
        guard case .file = try SitePath(rawPath: "/alias.html").resolve(in: site.root) else {
            Issue.record("symlink inside the root should resolve")
            return
        }
        guard case .directory = try SitePath(rawPath: "/papers").resolve(in: site.root) else {
            Issue.record("folder should resolve")
            return
        }
    }
}
