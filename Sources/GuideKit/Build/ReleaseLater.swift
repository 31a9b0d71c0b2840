import Dispatch

/// Lets go of `value` on another thread. Freeing what holds tens of
/// thousands of references (a rebuild's previous model, the search index's
/// previous documents) takes milliseconds that an author waiting for the
/// rebuild need not wait for.
///
/// The caller passes its last reference, as its last use of it: the value is
/// freed where the last reference goes.
func releaseLater(_ value: consuming some Sendable) {
    DispatchQueue.global(qos: .utility).async { [value] in withExtendedLifetime(value) {} }
}
