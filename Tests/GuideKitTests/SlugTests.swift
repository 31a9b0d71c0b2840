import Testing
@testable import GuideKit

@Suite struct SlugTests {
    @Test(arguments: [
        ("Cédric Archambeau", "cedric-archambeau"),
        ("Balakrishnan (Murali) Narayanaswamy", "balakrishnan-murali-narayanaswamy"),
        ("RLSbench: Domain adaptation under relaxed label shift", "rlsbench-domain-adaptation-under-relaxed-label-shift"),
        ("Søren Ødegaard", "soren-odegaard"),
        ("Siobhán O'Neill", "siobhan-oneill"),
        ("Amazon’s papers", "amazons-papers"),
        ("Łukasz Straße", "lukasz-strasse"),
        ("Scalable Motif Counting*", "scalable-motif-counting"),
        ("  --Weird   spacing--  ", "weird-spacing"),
    ])
    func asciiLowercaseHyphenated(_ text: String, _ slug: String) {
        #expect(Slug.make(text) == slug)
    }

    @Test func neverEmptyAndStable() {
        let slug = Slug.make("王小明")
        #expect(!slug.isEmpty)
        #expect(slug.allSatisfy { $0.isASCII })
        #expect(slug == Slug.make("王小明"))
        #expect(slug != Slug.make("李华"))
        #expect(!Slug.make("***").isEmpty)
    }

    @Test func longTitlesAreCutAtAWordBoundary() {
        let slug = Slug.make(String(repeating: "representation ", count: 20))
        #expect(slug.count <= 80)
        #expect(!slug.hasSuffix("-"))
        #expect(slug.hasSuffix("representation"))
    }

    @Test func collisionsGetASuffix() {
        var slugs = Interned()
        var registry = SlugRegistry()
        let claims = ["Data Science", "Data science!", "data-science", "data-science-2"]
            .map { registry.claim(slugs.id(Slug.make($0)), in: &slugs) }
        #expect(claims == ["data-science", "data-science-2", "data-science-3", "data-science-2-2"])
    }

    @Test func authorsWithTheSameSlugGetDistinctPages() throws {
        let guide = try Fixtures.parse("""
        A quick guide to Northwind's papers at KDD 2024

        Intro paragraph for the guide.

        Same slug
        José Núñez, Jose Nunez
        """).guide
        #expect(guide.authors.map(\.slug) == ["jose-nunez", "jose-nunez-2"])
    }
}
