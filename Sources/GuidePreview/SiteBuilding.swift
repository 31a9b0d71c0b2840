import GuideKit

/// What ``RebuildLoop`` needs of a build: a full build, then rebuilds after
/// changes, keeping whatever it needs in between. ``GuideKit/BuildSession`` is
/// the real one; tests give the loop a fake.
///
/// The loop calls ``build()`` and ``rebuild(changedPaths:)`` one at a time, off
/// the cooperative thread pool (they may block for as long as a build takes).
public protocol SiteBuilding: Sendable {
    /// The options the builder was made with (the loop reads the content and output folders and the base URL).
    var options: BuildOptions { get }
    /// Builds everything.
    func build() throws(BuildFailure) -> BuildReport
    /// Rebuilds after `changedPaths` (absolute paths under the content or templates folder).
    func rebuild(changedPaths: [String]) throws(BuildFailure) -> RebuildReport
}

extension BuildSession: SiteBuilding {}
