import Foundation
import Testing
@testable import GuideKit

@Suite struct AuthorListTests {
    /// Bylines and lines that are not, with the names read by hand. One set
    /// of rules reads them all: ASCII and other letters, no-break spaces,
    /// markup, precomposed and combining accents.
    @Test(arguments: [
        ("Ana Lima, Bo Chen, and Cem Demir", ["Ana Lima", "Bo Chen", "Cem Demir"]),
        ("Ana Lima and Dara Walsh", ["Ana Lima", "Dara Walsh"]),
        ("Ana Lima & Dara Walsh", ["Ana Lima", "Dara Walsh"]),
        ("R. Manmatha, J.-P. Vert", ["R. Manmatha", "J.-P. Vert"]),
        ("Greg Ver Steeg, Ludwig van der Berg", ["Greg Ver Steeg", "Ludwig van der Berg"]),
        ("Jean-Luc d'Arcy, Sean O'Neill", ["Jean-Luc d'Arcy", "Sean O'Neill"]),
        ("Ana  Lima,  Bo Chen", ["Ana Lima", "Bo Chen"]),
        ("Mark Sellke", ["Mark Sellke"]),
        ("Mononym, Other Person", ["Mononym", "Other Person"]),
        ("Across a range of topics, Amazon research blends", nil),
        ("Bandit problems", nil),
        ("Learning X: a study", nil),
        ("Ana Lima,", nil),
        ("and", nil),
        ("Lima Jr., Ana III", ["Lima Jr.", "Ana III"]),
        ("Cédric Archambeau, Søren Ødegaard and Zoë Ångström", ["Cédric Archambeau", "Søren Ødegaard", "Zoë Ångström"]),
        ("Balakrishnan (Murali) Narayanaswamy", ["Balakrishnan (Murali) Narayanaswamy"]),
        ("Siobhán O’Neill, Jean-Luc d'Arcy", ["Siobhán O’Neill", "Jean-Luc d'Arcy"]),
        ("Ana — Lima, Bo Chen", nil),
        ("Ana Lima,\u{00A0}Bo Chen", ["Ana Lima", "Bo Chen"]),
        ("Ana Lima\u{00A0}, \u{00A0}Bo Chen", ["Ana Lima", "Bo Chen"]),
        ("王小明, 李华", ["王小明", "李华"]),
        ("Émile Zola et al.", nil),
        ("naïve Bayes, Ana Lima", nil),
        ("ǅemal Bijedić, Ana Lima", nil),
        ("ª Lima, Bo Chen", ["ª Lima", "Bo Chen"]),
        ("Ñ. Ortiz, É.-P. Vert", ["Ñ. Ortiz", "É.-P. Vert"]),
        ("Ana (Zoë) Lima", ["Ana (Zoë) Lima"]),
        ("Ana (zoë) Lima", nil),
        ("l'Hôpital Jean, Bo Chen", ["l'Hôpital Jean", "Bo Chen"]),
        ("é'Brien Ana, Bo Chen", ["é'Brien Ana", "Bo Chen"]),
        ("Øst-Hansen Ana, Bo Chen", ["Øst-Hansen Ana", "Bo Chen"]),
        ("Ana Lima.ß, Bo Chen", nil),
        ("Siobhán O’Neill and Bo Chen", ["Siobhán O’Neill", "Bo Chen"]),
        ("Ana O‘Neill, Bo Chen", nil),
        ("E\u{301}mile Zola, Ana Lima", ["E\u{301}mile Zola", "Ana Lima"]),
        ("\u{212A}im Lee, Bo Chen", ["\u{212A}im Lee", "Bo Chen"]),
        ("Ana Lima,and Bo Chen", ["Ana Lima", "Bo Chen"]),
        ("Ana Lima and  and Bo Chen", nil),
        ("Ana Lima & Bo Chen and Cem Demir", nil),
        ("and & Ana Lima, Bo Chen", ["Ana Lima", "Bo Chen"]),
        ("& Ana Lima", ["Ana Lima"]),
        ("Ana  Lima,  Bo\tChen", nil),
        ("Ana Lima, Bo Chen, ", nil),
        ("ÀÉÎ Ôù, Bo Chen", ["ÀÉÎ Ôù", "Bo Chen"]),
        ("<b>Ana</b> Lima, Bo <i>Chen</i>", ["<b>Ana</b> Lima", "Bo <i>Chen</i>"]),
        ("Ana Lima &amp; Bo Chen", nil),
        ("Ana van Lima Jr. III IV II Sr, Bo Chen", nil),
        ("(Ana) (Bo), Cem Demir", nil),
    ] as [(String, [String]?)])
    func readsTheNamesOfABylineOrNone(_ line: String, _ names: [String]?) {
        #expect(AuthorList.names(in: line) == names)
    }

    @Test func recognisesBylinesAndRejectsProse() {
        #expect(AuthorList.names(in: "Ana Lima, Bo Chen, and Cem Demir") == ["Ana Lima", "Bo Chen", "Cem Demir"])
        #expect(AuthorList.names(in: "Zoë Ångström and Søren Ødegaard") == ["Zoë Ångström", "Søren Ødegaard"])
        #expect(AuthorList.names(in: "Across a range of topics, Amazon research blends the theoretical") == nil)
        #expect(AuthorList.names(in: "Bandit problems") == nil)
        #expect(AuthorList.names(in: "Mark") == nil, "a single word alone is not a byline")
    }
}
