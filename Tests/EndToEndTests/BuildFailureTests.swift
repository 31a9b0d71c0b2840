import Foundation
import Testing

/// Bad input: a readable message, a non-zero exit, and the previous output untouched.
@Suite struct BuildFailureTests {
    @Test func missingContentFolder() throws {
        let project = try ProjectFolder()
        let run = try project.guide("build")
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("Content: error: content folder not found"))
        #expect(!project.exists("Output"))
    }

    @Test func noGuideFile() throws {
        let project = try ProjectFolder()
        try project.write("base_url: /\n", to: "Content/site.yml")
        let run = try project.guide("build")
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("Content: error: no guide found: put each guide's text in a .txt file"))
    }

    @Test func nonUTF8GuideNamesTheByteOffset() throws {
        let project = try ProjectFolder()
        try project.write(Data("Title\n\nCaf".utf8) + Data([0xE9]) + Data(" au lait\n".utf8), to: "Content/guide.txt")
        let run = try project.guide("build")
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("Content/guide.txt:3:4: error: not valid UTF-8 at byte offset 10"))
    }

    /// A form feed pasted into a title would make the feed invalid XML.
    @Test func aControlCharacterIsAnErrorWithItsColumn() throws {
        let project = try ProjectFolder()
        try project.write("A quick guide\n\nIntro.\n\nTopic\n\nA pa\u{0C}per\nLena Albrecht\n", to: "Content/guide.txt")
        let run = try project.guide("build")
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("Content/guide.txt:7:5: error: the control character U+000C (form feed) at byte offset 34"))
        #expect(!project.exists("Output"))
    }

    /// It crashed the process with a stack overflow.
    @Test func aPartialThatIncludesItselfIsAnErrorNotACrash() throws {
        let project = try ProjectFolder(fixture: "basic")
        try project.write("<span>{{>paper-card}}</span>\n", to: "Templates/paper-card.mustache")
        let run = try project.guide("build")
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("Templates/paper-card.mustache:1:7: error: \"paper-card\" uses itself (paper-card → paper-card)"))
    }

    /// `--templates DIR` names a folder that must exist; without the option a
    /// missing Templates/ means the built-in theme (ProjectCommandsTests).
    @Test func missingTemplatesFolderNamedOnTheCommandLine() throws {
        let project = try ProjectFolder(fixture: "basic", templates: false)
        let run = try project.guide("build", "--templates", "Theme")
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("Theme: error: cannot read the templates folder"))
    }

    @Test func templateErrorNamesFileLineAndColumnAndKeepsTheOutput() throws {
        let project = try ProjectFolder(fixture: "basic")
        #expect(try project.guide("build").status == 0)
        let before = project.files(under: "Output").map { project.data("Output/\($0)") }

        try project.write("<main>\n  {{#paper}}\n    <h1>{{title}}</h1>\n  {{/papers}}\n</main>\n", to: "Templates/paper.mustache")
        let run = try project.guide("build")
        #expect(run.status == 1)
        #expect(run.stderr.contains("Templates/paper.mustache:4:"))
        #expect(run.stderr.contains("error: this closing tag {{/…}} does not match the section that is open"))
        #expect(run.stderr.contains("build failed during load: nothing was written"))
        #expect(project.files(under: "Output").map { project.data("Output/\($0)") } == before)
    }

    /// With `missing_images: error`, a figure whose image is not in Content/images/ stops the build.
    @Test func aMissingImageIsAnErrorWhenSiteYmlSaysSo() throws {
        let project = try ProjectFolder(fixture: "basic")
        #expect(try project.guide("build").status == 0)
        let before = project.files(under: "Output").map { project.data("Output/\($0)") }

        try project.write("base_url: https://guides.example.org/kdd/\nmissing_images: error\n", to: "Content/site.yml")
        let run = try project.guide("build")
        #expect(run.status == 1)
        #expect(run.stderr.contains("Content/guide.txt:28: error: figure image \"Missing figure.png\" not found in Content/images/"))
        #expect(run.stderr.contains("build failed during model: nothing was written"))
        #expect(project.files(under: "Output").map { project.data("Output/\($0)") } == before)

        try project.write("base_url: https://guides.example.org/kdd/\nmissing_images: always\n", to: "Content/site.yml")
        let invalid = try project.guide("build")
        #expect(invalid.status == 1)
        #expect(invalid.stderr.hasPrefix("Content/site.yml:2: error: missing_images must be placeholder"))
    }

    @Test func refusesAnOutputFolderItDidNotWrite() throws {
        let project = try ProjectFolder(fixture: "basic")
        try project.write("keep me", to: "Website/important.txt")
        let run = try project.guide("build", "--output", "Website")
        #expect(run.status == 1)
        #expect(run.stderr.contains("Website: error: refusing to replace this folder"))
        #expect(project.files(under: "Website") == ["important.txt"])
    }

    /// A site of several guides: each of these is a `file:line: error`, exit 1, and the previous output kept.
    @Test(arguments: [
        ("Content/ICML 2023.txt", "A quick guide to X's papers at ICML 2023\n",
         "Content/icml-2023.txt:1: error: this guide's slug \"icml-2023\" is already that of Content/ICML 2023.txt: rename one of the two files"),
        ("Content/acl-2025.yml", "date: 2025-07-01\n",
         "Content/acl-2025.yml:1: error: settings for a guide that does not exist: there is no acl-2025.txt beside this file"),
        ("Content/acl-2024.yml", "date: 2024-13-01\nlocation: Bangkok\n",
         "Content/acl-2024.yml:1: error: date must be a date written YYYY-MM-DD, like: date: 2023-07-23 (found \"2024-13-01\")"),
        ("Content/slt.yml", "year: twenty\n",
         "Content/slt.yml:1: error: year must be a four-digit year, like: year: 2023 (found \"twenty\")"),
        ("Content/authors.yml", "\"Danielle C. Maddix\":\n  - a list\n",
         "Content/authors.yml:1: error: expected \"Danielle C. Maddix\": Person's name, or lines `guide-slug: Person's name` under it"),
    ])
    func severalGuidesBadInput(file: String, text: String, error: String) throws {
        let project = try ProjectFolder(fixture: "three-guides")
        #expect(try project.guide("build").status == 0)
        let before = project.files(under: "Output").map { project.data("Output/\($0)") }
        try project.write(text, to: file)
        let run = try project.guide("build")
        #expect(run.status == 1)
        #expect(run.stderr.contains(error), "\(run.stderr)")
        #expect(project.files(under: "Output").map { project.data("Output/\($0)") } == before)
    }
}
