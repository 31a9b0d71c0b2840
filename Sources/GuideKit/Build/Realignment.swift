/// Where the items of a list were in its previous version, for an edit that
/// added, removed or changed a few of them: most items are where they were,
/// give or take the items added or removed above them. The item at each
/// place is guessed to be the previous one at that place, shifted by the
/// additions and removals seen so far; a caller checks the guess against the
/// item's key (strings of the same storage compare at once) and looks the key
/// up, hashing it, only when the guess is wrong. Hashing the keys of every
/// paper and author of a 10,000-paper guide took 3-5 ms of each edit.
struct Realignment {
    private let previous: [Int32]
    /// By raw id: its place in the previous list, or -1.
    private var places: [Int32]
    private var shift = 0

    /// - Parameters:
    ///   - previous: the raw ids of the previous list, in order.
    ///   - idCount: how many ids have been handed out: every id is below it.
    init(previous: [Int32], idCount: Int) {
        self.previous = previous
        places = [Int32](repeating: -1, count: previous.isEmpty ? 0 : idCount)
        for (place, id) in previous.enumerated() { places[Int(id)] = Int32(place) }
    }

    /// The id the item at `index` probably has; nil when there is no guess.
    func guess(_ index: Int) -> Int32? {
        let place = index + shift
        return previous.indices.contains(place) ? previous[place] : nil
    }

    /// Where `id` was in the previous list.
    func place(of id: Int32) -> Int? {
        places.indices.contains(Int(id)) && places[Int(id)] >= 0 ? Int(places[Int(id)]) : nil
    }

    /// Notes that the item at `index` has `id`, found by its key: the guesses
    /// after it follow from where it was.
    mutating func found(_ id: Int32, at index: Int) {
        if let place = place(of: id) { shift = place - index }
    }
}
