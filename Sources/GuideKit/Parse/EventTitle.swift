import Foundation

/// Reads the organization, conference and year out of a guide title such as
/// "A quick guide to Amazon’s papers at ICML 2023".
enum EventTitle {
    static func parse(_ title: String) -> Event {
        let words = title.split(separator: " ")
        let yearIndex = words.lastIndex { word in
            let digits = word.trimmingCharacters(in: ",.:;!?")
            return digits.count == 4 && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
                && (digits.hasPrefix("19") || digits.hasPrefix("20"))
        }
        let year = yearIndex.map { words[$0].trimmingCharacters(in: ",.:;!?") }

        var conference: String?
        if let atIndex = words.lastIndex(where: { $0 == "at" || $0 == "@" }) {
            let end = yearIndex.flatMap { $0 > atIndex ? $0 : nil } ?? words.endIndex
            let name = words[(atIndex + 1)..<end].joined(separator: " ")
            conference = name.isEmpty ? nil : name
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
        return Event(organization: organization, conference: conference, year: year)
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
