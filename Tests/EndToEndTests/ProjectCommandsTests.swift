import Foundation
import Testing

/// A newcomer's first commands: `guide new`, the built-in theme, `guide
/// templates export`, `--version`, and a mistyped command.
@Suite struct ProjectCommandsTests {
    @Test func newWritesAProjectThatBuildsWithoutAWarning() throws {
        let folder = try ProjectFolder()
        let created = try folder.guide("new", "demo")
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("\n  cd demo\n  guide serve\n"))
        #expect(folder.files(under: "demo").sorted() == [
            ".gitignore", "Content/icml-2025.txt", "Content/icml-2025.yml", "Content/images/Sample results.svg", "Content/site.yml",
        ])
        let demo = ProjectFolder(root: folder.root.appendingPathComponent("demo"))
        // The one thing to set before publishing is said at once.
        let first = try demo.guide("build")
        #expect(first.status == 0)
        #expect(first.stderr.hasPrefix("Content/site.yml: warning: base_url \"/\" (the default) is not an absolute URL"))
        #expect(first.stderr.components(separatedBy: "\n").count == 2)
        try demo.write(try demo.read("Content/site.yml").replacingOccurrences(of: "# base_url: /", with: "base_url: https://guides.example.org/"),
                       to: "Content/site.yml")
        let built = try demo.guide("build")
        #expect(built.status == 0)
        #expect(built.stderr == "")
        #expect(built.stdout.contains("1 home, 2 topic, 1 papers, 2 paper, 1 authors, 5 author, 1 search, 1 my-list, 1 404"))
        // The sample's figure is a real image, linked to the paper its caption names.
        let paper = try demo.read("Output/papers/thompson-sampling-with-a-diffusion-prior/index.html")
        #expect(paper.contains("<img class=\"figure-image\" src=\"/images/"))
        #expect(paper.contains("<link rel=\"canonical\" href=\"https://guides.example.org/papers/thompson-sampling-with-a-diffusion-prior/\">"))
        #expect(demo.data("Output/assets/style.css") == GuideBinary.repositoryData("Templates/assets/style.css"))
    }

    @Test func newWritesTheBaseURLIntoSiteYml() throws {
        let folder = try ProjectFolder()
        #expect(try folder.guide("new", "demo", "--base-url", "https://guides.example.org/kdd/").status == 0)
        #expect(try folder.read("demo/Content/site.yml").contains("\nbase_url: \"https://guides.example.org/kdd/\"\n"))
        let built = try ProjectFolder(root: folder.root.appendingPathComponent("demo")).guide("build")
        #expect(built.status == 0)
        #expect(built.stderr == "")
    }

    @Test func newNamesTheGuideAfterTheTitlesConference() throws {
        let folder = try ProjectFolder()
        #expect(try folder.guide("new", "slt", "--title", "Northwind at SLT: speech, \"audio\" and more").status == 0)
        #expect(folder.files(under: "slt/Content").sorted() == ["images/Sample results.svg", "site.yml", "slt.txt", "slt.yml"])
        #expect(try folder.read("slt/Content/slt.yml").contains("conference: \"SLT\"\n# year: 2025\n"))
        #expect(try folder.read("slt/Content/slt.txt").hasPrefix("Northwind at SLT: speech, \"audio\" and more\n\n"))
        let built = try ProjectFolder(root: folder.root.appendingPathComponent("slt")).guide("build")
        #expect(built.status == 0, "\(built.stderr)")
    }

    @Test func newRefusesAFolderThatIsNotEmpty() throws {
        let folder = try ProjectFolder(fixture: "basic", templates: false)
        let run = try folder.guide("new", ".")
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: the folder is not empty"))
        #expect(folder.files(under: "Content").contains("guide.txt"))
    }

    /// The templates are in the binary: a project without Templates/ builds
    /// the same site, byte for byte, as one with a copy of the repository's.
    @Test func aProjectWithoutTemplatesUsesTheBuiltInTheme() throws {
        let withCopy = try ProjectFolder(fixture: "basic")
        let without = try ProjectFolder(fixture: "basic", templates: false)
        // The feeds' <updated> is the guide file's date: the same in both.
        let date = [FileAttributeKey.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)]
        for project in [withCopy, without] {
            try FileManager.default.setAttributes(date, ofItemAtPath: project.root.appendingPathComponent("Content/guide.txt").path)
        }
        #expect(try withCopy.guide("build").status == 0)
        let run = try without.guide("build")
        #expect(run.status == 0, "\(run.stderr)")
        let files = withCopy.files(under: "Output").filter { !$0.hasPrefix(".") }
        #expect(files.count > 20)
        #expect(without.files(under: "Output").filter { !$0.hasPrefix(".") }.sorted() == files.sorted())
        for file in files { #expect(without.data("Output/\(file)") == withCopy.data("Output/\(file)"), "\(file)") }
    }

    /// Templates/ overrides the built-in theme file by file: the files it has
    /// win, the others come from the theme.
    @Test func aProjectsTemplatesOverrideTheThemeFileByFile() throws {
        let project = try ProjectFolder(fixture: "basic", templates: false)
        try project.write("{{<layout}}{{$main}}<p>Our own footer-less home.</p>{{/main}}{{/layout}}\n", to: "Templates/home.mustache")
        try project.write("body { color: rebeccapurple; }\n", to: "Templates/assets/style.css")
        let run = try project.guide("build")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try project.read("Output/index.html").contains("<p>Our own footer-less home.</p>"))
        #expect(try project.read("Output/assets/style.css") == "body { color: rebeccapurple; }\n")
        #expect(project.data("Output/assets/search.js") == GuideBinary.repositoryData("Templates/assets/search.js"))
        #expect(try project.read("Output/papers/index.html") .contains("class=\"site-header\""))
    }

    /// A copy of search.js kept from a version of guide that wrote another
    /// version of the search index: each build says where, and still builds.
    /// A search script of one's own, which does not read guide's index, is the project's business.
    @Test func aSearchScriptKeptFromAnotherVersionOfTheIndexIsReported() throws {
        let project = try ProjectFolder(fixture: "basic", templates: false)
        let stale = "/* Our search, from last year */\n(function () {\n  var FORMAT = 2;\n  window.guideSearchLoaded = function (name, data) {};\n})();\n"
        try project.write(stale, to: "Templates/assets/search.js")
        let advice = "export the built-in theme into a new folder (`guide templates export NEW`; it does not overwrite), carry your changes over to NEW/assets/search.js, and put that in place of this one"
        var run = try project.guide("build")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("Templates/assets/search.js:3: warning: this copy of search.js reads version 2 of the search index, "
            + "and this guide writes version 3, so the site's search page says that search is unavailable; \(advice)\n"), "\(run.stderr)")
        #expect(try project.read("Output/assets/search.js") == stale)
        #expect(try project.guide("check").stderr.contains("Templates/assets/search.js:3: warning: this copy of search.js reads version 2"))

        // From before scripts named the version they read.
        try project.write("window.guideSearchLoaded = function (name, data) {};\n", to: "Templates/assets/search.js")
        run = try project.guide("build")
        #expect(run.stderr.contains("Templates/assets/search.js:1: warning: this copy of search.js does not say which version of the search index "
            + "it reads (the built-in one says `var FORMAT = 3;`): if it is older than version 3, which this guide writes, search on the site "
            + "finds wrong results; \(advice), or add that line to it if it reads version 3\n"), "\(run.stderr)")

        for fine in ["/* Pagefind's, not guide's */\nnew PagefindUI({ element: '#search' });\n",
                     String(decoding: try #require(GuideBinary.repositoryData("Templates/assets/search.js")), as: UTF8.self)] {
            try project.write(fine, to: "Templates/assets/search.js")
            run = try project.guide("build")
            #expect(run.status == 0)
            #expect(!run.stderr.contains("search.js"), "\(run.stderr)")
        }
    }

    /// The built-in search.js reads the version of the index that a build
    /// writes: the one in `search/meta.js`, and the one the warnings name.
    @Test func theBuiltInSearchScriptReadsTheVersionOfTheIndexABuildWrites() throws {
        let project = try ProjectFolder(fixture: "basic", templates: false)
        #expect(try project.guide("build").status == 0)
        let meta = try project.read("Output/search/meta.js")
        let json = try #require(meta.firstMatch(of: /^guideSearchLoaded\("meta",(.*)\);\n$/)?.1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 3)
        let script = String(decoding: try #require(project.data("Output/assets/search.js")), as: UTF8.self)
        #expect(script.contains("\n  var FORMAT = 3;\n"))
    }

    /// A template saved in Normal Form D (an "é" as "e" and a combining
    /// accent) makes pages in Normal Form C, as the content is: the bytes of
    /// one page are of one form.
    @Test func aTemplateInNormalFormDMakesPagesInNormalFormC() throws {
        let project = try ProjectFolder(fixture: "basic", templates: false)
        let decomposed = "Re\u{301}sume\u{301} of our papers"
        #expect(Array(decomposed.utf8).count == 24)
        try project.write(Data(("{{<layout}}{{$main}}<p>" + decomposed + "</p>{{/main}}{{/layout}}\n").utf8), to: "Templates/home.mustache")
        let run = try project.guide("build")
        #expect(run.status == 0, "\(run.stderr)")
        let page = try #require(project.data("Output/index.html"))
        #expect(page.range(of: Data([0x3C, 0x70, 0x3E, 0x52, 0xC3, 0xA9, 0x73, 0x75, 0x6D, 0xC3, 0xA9])) != nil, "<p>Résumé, composed")
        #expect(page.range(of: Data([0xCC, 0x81])) == nil, "no combining acute accent")
    }

    @Test func templatesExportWritesTheThemeAndKeepsEditedFiles() throws {
        let project = try ProjectFolder()
        let first = try project.guide("templates", "export", "Theme")
        #expect(first.status == 0, "\(first.stderr)")
        let repository = ProjectFolder(root: GuideBinary.repository)
        let theme = repository.files(under: "Templates").filter { !$0.hasPrefix(".") }.sorted()
        #expect(project.files(under: "Theme").sorted() == theme)
        for file in theme { #expect(project.data("Theme/\(file)") == GuideBinary.repositoryData("Templates/\(file)"), "\(file)") }

        let second = try project.guide("templates", "export", "Theme")
        #expect(second.stdout == "Wrote 0 files of the built-in theme into Theme/.\n"
            + "Kept \(theme.count) files already there, \(theme.count) the same as the built-in theme's.\n")

        // An edited template, and a search.js kept from a version of guide before it named its index's version.
        try project.write("edited\n", to: "Theme/home.mustache")
        try project.write("window.guideSearchLoaded = function () {};\n", to: "Theme/assets/search.js")
        let third = try project.guide("templates", "export", "Theme")
        #expect(third.status == 0)
        #expect(third.stdout == "Wrote 0 files of the built-in theme into Theme/.\n"
            + "Kept \(theme.count) files already there, \(theme.count - 2) the same as the built-in theme's.\n"
            + "These differ from this version of guide's theme (edited, or exported from another version): assets/search.js, home.mustache. "
            + "To compare them with it: guide templates export NEW, then diff -r Theme NEW.\n")
        #expect(try project.read("Theme/home.mustache") == "edited\n")
    }

    @Test func newWithTemplatesWritesTheThemeToEdit() throws {
        let folder = try ProjectFolder()
        #expect(try folder.guide("new", "demo", "--templates").status == 0)
        #expect(folder.files(under: "demo/Templates").contains("home.mustache"))
        #expect(folder.files(under: "demo/Templates").contains("assets/style.css"))
    }

    @Test func version() throws {
        let run = try ProjectFolder().guide("--version")
        #expect(run.status == 0)
        #expect(run.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }

    @Test func aMistypedCommandGetsTheClosestOne() throws {
        let run = try ProjectFolder().guide("biuld")
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: Unknown command 'biuld'. Did you mean 'build'?"))
        let option = try ProjectFolder().guide("build", "--outptu", "x")
        #expect(option.status == 64)
        #expect(option.stderr.contains("Did you mean '--output'?"))
        #expect(try ProjectFolder().guide("frobnicate").stderr.hasPrefix("Error: Unknown command 'frobnicate'.\n"))
    }
}
