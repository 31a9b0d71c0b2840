/// How far apart two words are, and the closest of some names to a mistyped one.
public enum EditDistance {
    /// The name at the smallest edit distance from `word`, when that is at
    /// most a third of its length (at least 1), or that `word` starts.
    public static func closest(to word: String, among names: [String]) -> String? {
        let scored = names.map { ($0, between(word.lowercased(), $0)) }.min { $0.1 < $1.1 }
        if let (name, score) = scored, score <= max(1, word.count / 3) { return name }
        return names.first { $0.hasPrefix(word.lowercased()) && !word.isEmpty }
    }

    /// Optimal string alignment distance: insertions, deletions,
    /// substitutions and swaps of neighbours ("biuld" → "build" is 1).
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
