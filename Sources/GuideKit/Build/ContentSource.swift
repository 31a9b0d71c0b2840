import Foundation

/// What the build reads from the content folder: the guide file's bytes, the
/// optional `site.yml`, and the names of the images in `images/`.
public struct ContentSource: Sendable {
    public var guideFile: URL
    /// How diagnostics name the guide file, e.g. `Content/icml-2023.txt`.
    public var guideDisplayPath: String
    public var guideBytes: [UInt8]
    /// When the guide file was last modified: the feed's `updated` date.
    public var guideModified: Date
    public var configText: String?
    public var configDisplayPath: String
    public var imagesFolder: URL
    public var imagesDisplayPath: String
    /// File names present in `images/`.
    public var imageNames: Set<String>

    /// Reads `directory`. `displayPath` is how the folder is named in messages.
    public static func read(directory: URL, displayPath: String) throws(Diagnostic) -> ContentSource {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .error(displayPath, "content folder not found: create it with your guide as a .txt file, or pass --content DIR")
        }
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .error(displayPath, "cannot read the content folder: \(TemplateSet.reason(error))")
        }
        let guides = names.filter { $0.lowercased().hasSuffix(".txt") && !$0.hasPrefix(".") }.sorted()
        guard let guideName = guides.first else {
            throw .error(displayPath, "no guide found: put the guide text in a .txt file at the top of the folder")
        }
        guard guides.count == 1 else {
            throw .error(displayPath, "found \(guides.count) guide files (\(guides.joined(separator: ", "))); a site holds one guide: keep one .txt file in the folder")
        }
        let guideFile = directory.appendingPathComponent(guideName)
        let guideDisplayPath = "\(displayPath)/\(guideName)"
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: guideFile))
        } catch {
            throw .error(guideDisplayPath, "cannot read the guide: \(TemplateSet.reason(error))")
        }
        let modified = (try? fileManager.attributesOfItem(atPath: guideFile.path)[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)

        let configFile = directory.appendingPathComponent("site.yml")
        var configText: String?
        if let data = fileManager.contents(atPath: configFile.path) {
            guard let text = String(data: data, encoding: .utf8) else {
                throw .error("\(displayPath)/site.yml", "not valid UTF-8 text")
            }
            configText = text
        }

        let imagesFolder = directory.appendingPathComponent("images")
        let imageNames = Set((try? fileManager.contentsOfDirectory(atPath: imagesFolder.path)) ?? [])
        return ContentSource(
            guideFile: guideFile, guideDisplayPath: guideDisplayPath, guideBytes: bytes,
            guideModified: modified, configText: configText, configDisplayPath: "\(displayPath)/site.yml",
            imagesFolder: imagesFolder, imagesDisplayPath: "\(displayPath)/images", imageNames: imageNames)
    }
}
