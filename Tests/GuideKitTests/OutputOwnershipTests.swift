import Foundation
import Testing

import GuideKit

/// The output-folder rules shared by the build, `guide serve` and the rebuild loop.
struct OutputOwnershipTests {
    @Test func onlyAMissingEmptyOrMarkedFolderMayBeReplaced() throws {
        let site = try TemporarySite([
            "Marked/.guide-output": "",
            "Marked/index.html": "",
            "Foreign/notes.txt": "",
            "AFile": "",
        ])
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("Empty"), withIntermediateDirectories: false)
        let ownership = { (name: String) in OutputOwnership(of: site.root.appendingPathComponent(name)) }

        #expect(ownership("Missing") == .replaceable)
        #expect(ownership("Empty") == .replaceable)
        #expect(ownership("Marked") == .replaceable)
        #expect(ownership("Foreign") == .foreign)
        #expect(ownership("AFile") == .file)
    }

    @Test func artifactsAreTheOutputAndItsStagingAndOldFolders() {
        let output = URL(fileURLWithPath: "/site/Content/Output")
        #expect(OutputArtifacts.stagingFolder(of: output, processID: 42).path == "/site/Content/.Output.guide-staging-42")
        #expect(OutputArtifacts.oldFolder(of: output, processID: 42).path == "/site/Content/.Output.guide-old-42")

        for path in ["/site/Content/Output", "/site/Content/Output/index.html",
                     "/site/Content/.Output.guide-staging-42", "/site/Content/.Output.guide-staging-42/index.html",
                     "/site/Content/.Output.guide-old-7/papers/x/index.html"] {
            #expect(OutputArtifacts.isArtifact(path, of: output), "\(path)")
        }
        for path in ["/site/Content/guide.txt", "/site/Content/Output2/index.html", "/site/Content/Outputs",
                     "/site/Content/.Output.swp", "/site/Content/.Other.guide-staging-42/index.html"] {
            #expect(!OutputArtifacts.isArtifact(path, of: output), "\(path)")
        }
        #expect(OutputArtifacts.isStagingOrOld(name: ".Output.guide-old-12", of: output))
        #expect(!OutputArtifacts.isStagingOrOld(name: "Output", of: output))
    }
}
