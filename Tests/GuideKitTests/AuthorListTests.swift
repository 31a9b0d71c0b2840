import Foundation
import Testing
@testable import GuideKit

@Suite struct AuthorListTests {
    /// The byte-level path gives exactly what the Unicode rules give,
    /// on every line of every fixture (bylines and everything that is not one).
    @Test(arguments: Fixtures.guideFiles)
    func bytePathAgreesWithTheUnicodeRules(_ file: URL) throws {
        let source = try SourceLines(bytes: Fixtures.bytes(file), file: file.lastPathComponent)
        for line in source.lines where !line.isBlank {
            #expect(AuthorList.names(in: line.text) == AuthorList.unicodeNames(in: line.text), "line \(line.number)")
        }
    }

    @Test(arguments: [
        "Ana Lima, Bo Chen, and Cem Demir", "Ana Lima and Dara Walsh", "Ana Lima & Dara Walsh",
        "R. Manmatha, J.-P. Vert", "Greg Ver Steeg, Ludwig van der Berg", "Jean-Luc d'Arcy, Sean O'Neill",
        "Ana  Lima,  Bo Chen", "Mark Sellke", "Mononym, Other Person",
        "Across a range of topics, Amazon research blends", "Bandit problems", "US, MA, Boston",
        "Learning X: a study", "Ana Lima,", "and", "Lima Jr., Ana III",
        "Cédric Archambeau, Søren Ødegaard and Zoë Ångström", "Balakrishnan (Murali) Narayanaswamy",
        "Siobhán O’Neill, Jean-Luc d'Arcy", "Ana — Lima, Bo Chen", "Ana Lima,\u{00A0}Bo Chen", "王小明, 李华",
        "Émile Zola et al.", "naïve Bayes, Ana Lima",
        // Words of precomposed Latin letters take a scalar path; these probe its edges.
        "ǅemal Bijedić, Ana Lima", "ª Lima, Bo Chen", "Ñ. Ortiz, É.-P. Vert", "Ana (Zoë) Lima", "Ana (zoë) Lima",
        "l'Hôpital Jean, Bo Chen", "é'Brien Ana, Bo Chen", "Øst-Hansen Ana, Bo Chen", "Ana Lima.ß, Bo Chen",
        "Siobhán O’Neill and Bo Chen", "Ana O‘Neill, Bo Chen", "E\u{301}mile Zola, Ana Lima", "\u{212A}im Lee, Bo Chen",
        "Ana Lima,and Bo Chen", "Ana Lima and  and Bo Chen", "Ana Lima & Bo Chen and Cem Demir", "and & Ana Lima, Bo Chen",
        "Ana  Lima,  Bo\tChen", "Ana Lima, Bo Chen, ", "ÀÉÎ Ôù, Bo Chen",
    ])
    func bothPathsAgree(_ line: String) {
        #expect(AuthorList.names(in: line) == AuthorList.unicodeNames(in: line))
    }

    @Test func recognisesBylinesAndRejectsProse() {
        #expect(AuthorList.names(in: "Ana Lima, Bo Chen, and Cem Demir") == ["Ana Lima", "Bo Chen", "Cem Demir"])
        #expect(AuthorList.names(in: "Zoë Ångström and Søren Ødegaard") == ["Zoë Ångström", "Søren Ødegaard"])
        #expect(AuthorList.names(in: "Across a range of topics, Amazon research blends the theoretical") == nil)
        #expect(AuthorList.names(in: "Bandit problems") == nil)
        #expect(AuthorList.names(in: "Mark") == nil, "a single word alone is not a byline")
    }
}

extension AuthorListTests {
    /// `BylineBytes` looks up only lowercase words of up to 5 bytes as particles and
    /// words of up to 3 bytes starting with J, S or I as suffixes.
    @Test func particlesAndSuffixesHaveTheShapesTheByteCheckAssumes() {
        for particle in AuthorList.particles {
            #expect(particle.utf8.count <= 5 && ("a"..."z").contains(particle.first!), "\(particle)")
        }
        for suffix in AuthorList.suffixes {
            #expect(suffix.utf8.count <= 3 && "JSI".contains(suffix.first!), "\(suffix)")
        }
    }
}
