import CMalloc

/// What the C allocator does with memory a rebuild frees.
enum FreedMemory {
    /// Keeps it for the next rebuild. By default glibc hands the free memory
    /// at the top of a heap back to the system once it passes 128 KB, and the
    /// next rebuild faults the same pages in again, zeroed, as it renders
    /// pages of a hundred kilobytes each. Kept, the render step of adding a
    /// paper at 10,000 papers takes 34 ms instead of 38, of removing one 30
    /// instead of 36 (interleaved medians of 18). A process that rebuilds on
    /// every save holds its peak anyway.
    static func keepForReuse() {
        #if canImport(Glibc)
        _ = mallopt(M_TRIM_THRESHOLD, 1 << 30)
        // Setting one threshold fixes the other, which otherwise rises to the
        // size of blocks freed: blocks of up to 64 MB come from the heap, not
        // from pages mapped for each and unmapped when it is freed.
        _ = mallopt(M_MMAP_THRESHOLD, 64 << 20)
        #endif
    }
}
