import Foundation

/// What the build reads from the content folder: every guide (`*.txt` at the
/// top, its file name its slug) with its settings file (`<slug>.yml`),
/// `site.yml`, `authors.yml`, the extra pages in `pages/` (`*.md`), and the
/// names of the images in `images/`.
public struct ContentSource: Sendable {
    /// A guide text file and its settings file.
    public struct GuideFile: Sendable {
        /// The file name without `.txt`, as a slug: `icml-2023`.
        public var slug: String
        /// How diagnostics name the file, e.g. `Content/icml-2023.txt`.
        public var displayPath: String
        public var bytes: [UInt8]
        /// When the file was last modified: its feed's `updated` date.
        public var modified: Date
        /// The settings file's text, if there is one.
        public var settingsText: String?
        public var settingsDisplayPath: String
    }

    /// A file of `pages/`: an extra page when its name ends in `.md` (`ExtraPageFile`).
    public struct PageFile: Sendable {
        /// The file's name in `pages/`: `about.md`.
        public var fileName: String
        /// How diagnostics name the file, e.g. `Content/pages/about.md`.
        public var displayPath: String
        /// Empty for a file that is not a page (not `.md`, or a folder): it is not read.
        public var bytes: [UInt8]
        public var modified: Date
        public var isPage: Bool { fileName.lowercased().hasSuffix(".md") && !isFolder }
        var isFolder = false
    }

    /// The content folder, and how diagnostics name it (`Content`).
    public var directory: URL
    public var displayPath: String
    /// In order of file name.
    public var guides: [GuideFile]
    public var configText: String?
    public var configDisplayPath: String
    public var aliasesText: String?
    public var aliasesDisplayPath: String
    public var imagesFolder: URL
    public var imagesDisplayPath: String
    /// File names present in `images/`.
    public var imageNames: Set<String>
    /// The width and height of each image whose header says them (`ImageSize`).
    var imageSizes: [String: ImageSize] = [:]
    /// The files of `pages/`, in order of name; none without the folder.
    public var pages: [PageFile] = []

    /// Lets the bytes of the guide files go, once they are parsed and
    /// assembled, for a build that is not rebuilt from.
    mutating func releaseGuideTexts() {
        for index in guides.indices { guides[index].bytes = [] }
    }

    /// Names of files that are not guide settings.
    static let siteFiles: Set<String> = ["site", "authors"]
    /// Slugs a guide cannot have on a site of several: the site's own pages live there.
    static let reservedSlugs: Set<String> = ["site", "authors", "careers", "search", "my-list", "assets", "images", "papers", "topics"]

    /// The folder of the extra pages.
    static let pagesFolder = "pages"

    /// What a rebuild already has: the previous read, and the names of the
    /// files of the folder that changed since (`pages/about.md` for a page).
    struct Reuse {
        var previous: ContentSource
        var changed: Set<String>
    }

    /// Reads `directory`. `displayPath` is how the folder is named in messages.
    /// With `reuse`, a guide file that is not among the changed ones and has
    /// the same size and modification date keeps the bytes read before (fifty
    /// guides are 3.5 MB to read again for an edit to one).
    static func read(directory: URL, displayPath: String, reusing reuse: Reuse? = nil) throws(Diagnostic) -> ContentSource {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .error(displayPath, "content folder not found: create it with your guide as a .txt file, or pass --content DIR")
        }
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".") }.sorted()
        } catch {
            throw .error(displayPath, "cannot read the content folder: \(TemplateSet.reason(error))")
        }
        func stem(_ name: String, _ extensions: [String]) -> String? {
            for ext in extensions where name.lowercased().hasSuffix(ext) { return String(name.dropLast(ext.count)) }
            return nil
        }
        let guideNames = names.filter { stem($0, [".txt"]) != nil }
        guard !guideNames.isEmpty else {
            throw .error(displayPath, "no guide found: put each guide's text in a .txt file at the top of the folder")
        }
        let settingsNames = names.filter { stem($0, [".yml", ".yaml"]) != nil }
        var settingsByStem: [String: String] = [:]
        for name in settingsNames {
            let base = stem(name, [".yml", ".yaml"])!
            if let other = settingsByStem[base] {
                throw .error("\(displayPath)/\(name)", line: 1, "\(other) says the same: keep one of \(other) and \(name)")
            }
            settingsByStem[base] = name
        }

        var guides: [GuideFile] = []
        var fileBySlug: [String: String] = [:]
        var previous: [String: GuideFile] = [:]
        for guide in reuse?.previous.guides ?? [] { previous[guide.displayPath] = guide }
        for name in guideNames {
            let base = stem(name, [".txt"])!
            let file = "\(displayPath)/\(name)"
            let slug = Slug.make(base)
            if let other = fileBySlug[slug] {
                throw .error(file, line: 1, "this guide's slug \"\(slug)\" is already that of \(other): rename one of the two files")
            }
            if Self.siteFiles.contains(slug) || (guideNames.count > 1 && Self.reservedSlugs.contains(slug)) {
                throw .error(file, line: 1, "a guide cannot be named \"\(slug)\": the site uses that name for its own pages or settings; rename the file")
            }
            fileBySlug[slug] = file
            let url = directory.appendingPathComponent(name)
            try ContainedFile.check(url.path, inside: directory.path, displayPath: file, folderDisplayPath: displayPath)
            var settingsText: String?
            var settingsDisplayPath = "\(displayPath)/\(base).yml"
            if let settingsName = settingsByStem.removeValue(forKey: base) {
                settingsDisplayPath = "\(displayPath)/\(settingsName)"
                settingsText = try text(of: directory.appendingPathComponent(settingsName), displayPath: settingsDisplayPath,
                                        inside: directory, folderDisplayPath: displayPath)
            }
            let attributes = try? fileManager.attributesOfItem(atPath: url.path)
            let modified = attributes?[.modificationDate] as? Date ?? Date(timeIntervalSince1970: 0)
            let size = (attributes?[.size] as? NSNumber)?.intValue
            let bytes: [UInt8]
            if let reuse, !reuse.changed.contains(name), let kept = previous[file],
               kept.modified == modified, kept.bytes.count == size {
                bytes = kept.bytes
            } else {
                do {
                    bytes = [UInt8](try Data(contentsOf: url))
                } catch {
                    throw .error(file, "cannot read the guide: \(TemplateSet.reason(error))")
                }
            }
            guides.append(GuideFile(slug: slug, displayPath: file, bytes: bytes, modified: modified,
                                    settingsText: settingsText, settingsDisplayPath: settingsDisplayPath))
        }
        for base in Self.siteFiles { settingsByStem[base] = nil }
        if let (base, name) = settingsByStem.min(by: { $0.key < $1.key }) {
            throw .error("\(displayPath)/\(name)", line: 1,
                         "settings for a guide that does not exist: there is no \(base).txt beside this file (settings are named after their guide, like icml-2023.yml for icml-2023.txt)")
        }

        let configDisplayPath = "\(displayPath)/site.yml"
        let aliasesDisplayPath = "\(displayPath)/authors.yml"
        let imagesFolder = directory.appendingPathComponent("images")
        let imageNames = Set((try? fileManager.contentsOfDirectory(atPath: imagesFolder.path)) ?? [])
        return ContentSource(
            directory: directory, displayPath: displayPath,
            guides: guides,
            configText: try optionalText(directory.appendingPathComponent("site.yml"), displayPath: configDisplayPath,
                                         inside: directory, folderDisplayPath: displayPath),
            configDisplayPath: configDisplayPath,
            aliasesText: try optionalText(directory.appendingPathComponent("authors.yml"), displayPath: aliasesDisplayPath,
                                          inside: directory, folderDisplayPath: displayPath),
            aliasesDisplayPath: aliasesDisplayPath,
            imagesFolder: imagesFolder, imagesDisplayPath: "\(displayPath)/images",
            imageNames: imageNames,
            imageSizes: imageSizes(imageNames, in: imagesFolder, contentFolder: directory),
            pages: try pageFiles(in: directory, displayPath: displayPath, reusing: reuse))
    }

    /// The files of `pages/`, each page read (or kept from `reuse`, like a
    /// guide, when it did not change); the others only named, for a warning.
    private static func pageFiles(in directory: URL, displayPath: String, reusing reuse: Reuse?) throws(Diagnostic) -> [PageFile] {
        let folder = directory.appendingPathComponent(pagesFolder)
        let folderDisplayPath = "\(displayPath)/\(pagesFolder)"
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else {
            throw .error(folderDisplayPath, "not a folder: extra pages go in a folder named pages, one .md file each")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        } catch {
            throw .error(folderDisplayPath, "cannot read the pages folder: \(TemplateSet.reason(error))")
        }
        var previous: [String: PageFile] = [:]
        for page in reuse?.previous.pages ?? [] { previous[page.displayPath] = page }
        // The folder itself reported as changed: every page may have.
        let folderChanged = reuse?.changed.contains(pagesFolder) ?? true
        var files: [PageFile] = []
        for name in names {
            let url = folder.appendingPathComponent(name)
            let file = "\(folderDisplayPath)/\(name)"
            var entryIsFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &entryIsFolder)
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            let modified = attributes?[.modificationDate] as? Date ?? Date(timeIntervalSince1970: 0)
            var page = PageFile(fileName: name, displayPath: file, bytes: [], modified: modified, isFolder: entryIsFolder.boolValue)
            guard page.isPage else {
                files.append(page)
                continue
            }
            try ContainedFile.check(url.path, inside: directory.path, displayPath: file, folderDisplayPath: displayPath)
            let size = (attributes?[.size] as? NSNumber)?.intValue
            if let reuse, !folderChanged, !reuse.changed.contains("\(pagesFolder)/\(name)"), let kept = previous[file],
               kept.modified == modified, kept.bytes.count == size {
                page.bytes = kept.bytes
            } else {
                do {
                    page.bytes = [UInt8](try Data(contentsOf: url))
                } catch {
                    throw .error(file, "cannot read the page: \(TemplateSet.reason(error))")
                }
            }
            files.append(page)
        }
        return files
    }

    /// The size of every image, read from its header each time the folder is
    /// read, so that an image replaced by one of another size is seen by the
    /// next rebuild (which reads every image whole anyway, to copy it). An
    /// image that links outside the content folder has none: copying it is the
    /// error the build reports.
    private static func imageSizes(_ names: Set<String>, in folder: URL, contentFolder: URL) -> [String: ImageSize] {
        var sizes: [String: ImageSize] = [:]
        for name in names {
            let path = folder.appendingPathComponent(name).path
            guard (try? ContainedFile.check(path, inside: contentFolder.path, displayPath: name, folderDisplayPath: "")) != nil else { continue }
            sizes[name] = ImageSize.read(path: path)
        }
        return sizes
    }

    private static func optionalText(_ url: URL, displayPath: String, inside folder: URL, folderDisplayPath: String) throws(Diagnostic) -> String? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try text(of: url, displayPath: displayPath, inside: folder, folderDisplayPath: folderDisplayPath)
    }

    private static func text(of url: URL, displayPath: String, inside folder: URL, folderDisplayPath: String) throws(Diagnostic) -> String {
        try ContainedFile.check(url.path, inside: folder.path, displayPath: displayPath, folderDisplayPath: folderDisplayPath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .error(displayPath, "cannot read this file")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .error(displayPath, "not valid UTF-8 text") }
        return text.normalizedText
    }
}
