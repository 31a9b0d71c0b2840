extension RandomAccessCollection where Index == Int {
    /// The index of the first element that `isBefore` is false for, in a
    /// collection where it is true up to some element and false from there
    /// on (sorted by what it asks): a binary search. `endIndex` when it is
    /// true for every element. Where to insert a value in sorted order, or
    /// where to find it. (Rust's `partition_point`.)
    func partitionPoint(_ isBefore: (Element) -> Bool) -> Int {
        var (low, high) = (startIndex, endIndex)
        while low < high {
            let middle = (low + high) / 2
            if isBefore(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
