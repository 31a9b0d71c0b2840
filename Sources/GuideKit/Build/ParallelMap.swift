import Dispatch
import Foundation

/// `(0..<count).map(transform)` on every core, in order. Each chunk of work
/// gets its own `scratch` state (a reusable buffer, say), made by `makeScratch`.
func parallelMap<T: Sendable, Scratch>(
    _ count: Int, makeScratch: @Sendable () -> Scratch, _ transform: @Sendable (inout Scratch, Int) -> T
) -> [T] {
    guard count > 0 else { return [] }
    nonisolated(unsafe) var results = [T?](repeating: nil, count: count)
    results.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let output = buffer
        forEachChunk(of: count, workers: ProcessInfo.processInfo.activeProcessorCount) { range in
            var scratch = makeScratch()
            for index in range {
                output[index] = transform(&scratch, index)
            }
        }
    }
    return results.map { $0! }
}

/// Runs `body` over contiguous ranges covering `0..<count`, about eight per worker
/// so that uneven chunks even out; one worker runs everything in order on this thread.
func forEachChunk(of count: Int, workers: Int, _ body: @Sendable (Range<Int>) -> Void) {
    guard count > 0 else { return }
    let chunkCount = workers <= 1 ? 1 : min(count, workers * 8)
    let chunkSize = (count + chunkCount - 1) / chunkCount
    if chunkCount == 1 {
        body(0..<count)
        return
    }
    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
        let start = chunk * chunkSize
        if start < count { body(start..<min(start + chunkSize, count)) }
    }
}

/// `(0..<count).map(transform)` on every core, in order.
func parallelMap<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    parallelMap(count, makeScratch: { () }) { _, index in transform(index) }
}
