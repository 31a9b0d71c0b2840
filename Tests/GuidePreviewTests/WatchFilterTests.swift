import Testing

@testable import GuidePreview

@Suite struct WatchFilterTests {
    let filter = WatchFilter(configuration: WatchConfiguration(paths: ["/site"], ignoredPaths: ["/site/_site/"]))

    @Test(arguments: ["a.md~", ".a.md.swp", ".a.md.swx", "4913", ".#a.md", "x.tmp", "#a.md#"])
    func ignoresEditorFiles(name: String) {
        #expect(filter.isIgnored("/site/posts/" + name))
    }

    @Test func ignoresGitAndOutputFolders() {
        #expect(filter.isIgnored("/site/.git"))
        #expect(filter.isIgnored("/site/.git/objects/ab"))
        #expect(filter.isIgnored("/site/_site"))
        #expect(filter.isIgnored("/site/_site/index.html"))
        #expect(!filter.isIgnored("/site/_site2/index.html"))
        #expect(!filter.isIgnored("/site/posts/a.md"))
        #expect(!filter.isIgnored("/site/.github/workflows/ci.yml"))
        #expect(!filter.isIgnored("/site/swp.md"))
    }

    @Test func normalizesPaths() {
        #expect(WatchFilter.normalize("/a/./b/../c//d/") == "/a/c/d")
        #expect(WatchFilter.normalize("rel").hasSuffix("/rel"))
        #expect(WatchFilter.normalize("rel").hasPrefix("/"))
    }
}
