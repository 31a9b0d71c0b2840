import Foundation

/// Reads the organization, conference and year out of a guide title such as
/// "A quick guide to Amazon’s papers at ICML 2023", "Amazon’s 23 papers at
/// EMNLP 2021", "Amazon at ICLR: graphs, time series, and more" or "Amazon’s
/// 45-plus NAACL papers". What a title does not say comes from the guide's
/// settings file.
enum EventTitle {
    static func parse(_ title: String) -> Event {
        let words = title.split(separator: " ")
        let yearIndex = words.lastIndex { word in
            let digits = word.trimmingCharacters(in: ",.:;!?")
            return digits.count == 4 && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
                && (digits.hasPrefix("19") || digits.hasPrefix("20"))
        }
        let year = yearIndex.map { words[$0].trimmingCharacters(in: ",.:;!?") }
        let atIndex = words.lastIndex(where: { $0 == "at" || $0 == "@" })

        var conference: String?
        if let atIndex {
            // Up to the year, or to the end of the clause: "at ICLR: graphs, …" names ICLR.
            var name: [Substring] = []
            for index in (atIndex + 1)..<(yearIndex.flatMap { $0 > atIndex ? $0 : nil } ?? words.endIndex) {
                let word = words[index]
                let bare = word.trimmingCharacters(in: ":;,—–.!?")
                if !bare.isEmpty { name.append(Substring(bare)) }
                if bare.count < word.count, ":;,—–.!?".contains(word.last!) { break }
            }
            if name.first?.lowercased() == "the" { name.removeFirst() }
            conference = name.isEmpty ? nil : name.joined(separator: " ")
        } else if let papers = words.firstIndex(where: { $0.lowercased().hasPrefix("paper") }), papers > 0,
                  isAcronym(words[papers - 1]) {
            // "Amazon’s 45-plus NAACL papers"
            conference = String(words[papers - 1])
        }

        var organization: String?
        for possessive in ["’s ", "'s "] {
            guard let range = title.range(of: possessive) else { continue }
            var owner = title[..<range.lowerBound]
            if let guideTo = owner.range(of: "guide to ", options: .caseInsensitive) {
                owner = owner[guideTo.upperBound...]
            }
            if !owner.isEmpty, owner.split(separator: " ").count <= 4 { organization = String(owner) }
            break
        }
        // "Amazon at ICLR": who is at the conference, when no one's papers are named.
        if organization == nil, let atIndex, (1...3).contains(atIndex),
           words[..<atIndex].allSatisfy({ $0.first?.isUppercase == true }), !["A", "The", "Our"].contains(words[0]) {
            organization = words[..<atIndex].joined(separator: " ")
        }
        return Event(organization: organization, conference: conference, year: year)
    }

    /// "NAACL", "ICML", "CVPR": two or more capitals, perhaps with digits.
    private static func isAcronym(_ word: Substring) -> Bool {
        word.count >= 2 && word.allSatisfy { ($0.isASCII && $0.isUppercase) || $0.isNumber } && word.contains { $0.isLetter }
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
