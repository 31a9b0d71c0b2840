#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The size a browser shows an image at, in CSS pixels, read from the file's
/// header without decoding it: PNG, JPEG, GIF, WebP and SVG. A figure's
/// `<img>` carries it (`width`, `height`) so that the page keeps the image's
/// place while it loads instead of moving under the reader.
///
/// Only the bytes that say the size are read: the first 4 KB, the segment
/// headers of a JPEG (seeking past the rest), up to 64 KB of an SVG. Any other
/// format, a file cut short or damaged, an SVG whose size is relative or
/// missing: no size (nil), never a crash.
struct ImageSize: Hashable, Sendable {
    var width: Int
    var height: Int

    init?(width: Int, height: Int) {
        guard width > 0, height > 0 else { return nil }
        self.width = width
        self.height = height
    }

    /// Enough for PNG, GIF and WebP, and for the root element of most SVG files.
    static let headerLength = 4096
    /// The most read of an SVG file, looking for its root element past comments and a doctype.
    static let svgLimit = 65536

    /// The size of the image in the file at `path`, or nil.
    static func read(path: String) -> ImageSize? {
        // Non-blocking: a named pipe in `images/` must not stop the build here.
        let file = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { return nil }
        defer { close(file) }
        return of { offset, count in
            var bytes = [UInt8](repeating: 0, count: count)
            var filled = 0
            while filled < count {
                let read = bytes.withUnsafeMutableBytes { buffer in
                    pread(file, buffer.baseAddress! + filled, count - filled, off_t(offset + filled))
                }
                if read < 0, errno == EINTR { continue }
                guard read > 0 else { break }
                filled += read
            }
            return Array(bytes.prefix(filled))
        }
    }

    /// The size of the image whose file holds `bytes` (the file's start is enough).
    static func of(_ bytes: [UInt8]) -> ImageSize? {
        of { offset, count in
            offset < bytes.count ? Array(bytes[offset..<min(bytes.count, offset + count)]) : []
        }
    }

    /// `read(offset, count)` gives up to `count` bytes of the file at `offset`, fewer at its end.
    private static func of(_ read: (Int, Int) -> [UInt8]) -> ImageSize? {
        let head = read(0, headerLength)
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return png(head) }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return jpeg(read) }
        if head.starts(with: Array("GIF87a".utf8)) || head.starts(with: Array("GIF89a".utf8)) { return gif(head) }
        if head.starts(with: Array("RIFF".utf8)), head.count >= 12, Array(head[8..<12]) == Array("WEBP".utf8) { return webp(head) }
        // Text that starts with a tag (after a byte order mark and blanks) may be SVG.
        guard let first = head.drop(while: { [0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0A, 0x0D].contains($0) }).first,
              first == UInt8(ascii: "<") else { return nil }
        return svg(head.count < headerLength ? head : read(0, svgLimit))
    }

    // MARK: - Raster formats

    /// The IHDR chunk, first after the signature: its length, "IHDR", then width and height (big-endian).
    private static func png(_ head: [UInt8]) -> ImageSize? {
        guard head.count >= 24, Array(head[12..<16]) == Array("IHDR".utf8) else { return nil }
        return ImageSize(width: bigEndian(head, 16, 4), height: bigEndian(head, 20, 4))
    }

    /// The logical screen: width and height (little-endian) after "GIF89a".
    private static func gif(_ head: [UInt8]) -> ImageSize? {
        guard head.count >= 10 else { return nil }
        return ImageSize(width: littleEndian(head, 6, 2), height: littleEndian(head, 8, 2))
    }

    /// The first chunk after "RIFF", its size and "WEBP": a lossy frame (VP8),
    /// a lossless one (VP8L), or the canvas of an extended file (VP8X).
    private static func webp(_ head: [UInt8]) -> ImageSize? {
        guard head.count >= 30 else { return nil }
        switch String(decoding: head[12..<16], as: UTF8.self) {
        case "VP8 ":
            // A 3-byte frame tag, the start code 9D 01 2A, then 14-bit width and height.
            guard Array(head[23..<26]) == [0x9D, 0x01, 0x2A] else { return nil }
            return ImageSize(width: littleEndian(head, 26, 2) & 0x3FFF, height: littleEndian(head, 28, 2) & 0x3FFF)
        case "VP8L":
            // The signature 2F, then width − 1 and height − 1 in 14 bits each.
            guard head[20] == 0x2F else { return nil }
            let bits = littleEndian(head, 21, 4)
            return ImageSize(width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X":
            // Flags and three reserved bytes, then canvas width − 1 and height − 1 in 24 bits each.
            return ImageSize(width: littleEndian(head, 24, 3) + 1, height: littleEndian(head, 27, 3) + 1)
        default:
            return nil
        }
    }

    /// The frame header (SOF0–SOF15 but DHT, JPG and DAC, which share the
    /// range), found by walking the segments from the start and skipping each
    /// by its length; the scan's data starts after SOS, so a file without a
    /// frame before it has no size. EXIF orientations 5–8 turn the image a
    /// quarter, and browsers show it turned: its width and height swap.
    private static func jpeg(_ read: (Int, Int) -> [UInt8]) -> ImageSize? {
        var offset = 2
        var turned = false
        // A JPEG has a dozen segments before its frame; a thousand is a damaged file.
        for _ in 0..<1000 {
            let header = read(offset, 4)
            guard header.count >= 2, header[0] == 0xFF else { return nil }
            let marker = header[1]
            switch marker {
            case 0xFF:  // a fill byte before the marker
                offset += 1
                continue
            case 0x01, 0xD0...0xD8:  // TEM, RSTn, SOI: no length
                offset += 2
                continue
            case 0xD9, 0xDA:  // EOI, SOS
                return nil
            default:
                break
            }
            guard header.count == 4 else { return nil }
            let length = bigEndian(header, 2, 2)
            guard length >= 2 else { return nil }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                // Sample precision, then height and width; a height of 0 is given later (DNL): unknown.
                let frame = read(offset + 4, 5)
                guard frame.count == 5 else { return nil }
                let (width, height) = (bigEndian(frame, 3, 2), bigEndian(frame, 1, 2))
                return turned ? ImageSize(width: height, height: width) : ImageSize(width: width, height: height)
            }
            if marker == 0xE1, let orientation = exifOrientation(read(offset + 4, length - 2)) {
                turned = (5...8).contains(orientation)
            }
            offset += 2 + length
        }
        return nil
    }

    /// The Orientation tag (0112) of the first directory of an APP1 segment's
    /// EXIF data (a TIFF header, "II" little-endian or "MM" big-endian, then directories).
    private static func exifOrientation(_ segment: [UInt8]) -> Int? {
        guard segment.starts(with: Array("Exif\0\0".utf8)) else { return nil }
        let tiff = Array(segment.dropFirst(6))
        guard tiff.count >= 8, tiff[0] == tiff[1], tiff[0] == UInt8(ascii: "I") || tiff[0] == UInt8(ascii: "M") else { return nil }
        let little = tiff[0] == UInt8(ascii: "I")
        func number(_ at: Int, _ count: Int) -> Int? {
            guard at >= 0, at + count <= tiff.count else { return nil }
            return little ? littleEndian(tiff, at, count) : bigEndian(tiff, at, count)
        }
        guard number(2, 2) == 42, let directory = number(4, 4), let entries = number(directory, 2) else { return nil }
        for index in 0..<entries {
            // Each entry: tag, type, count (4 bytes), then the value; a SHORT sits first in its 4 bytes.
            let entry = directory + 2 + 12 * index
            guard let tag = number(entry, 2) else { return nil }
            if tag == 0x0112 { return number(entry + 8, 2) }
        }
        return nil
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int {
        bytes[at..<at + count].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int {
        bytes[at..<at + count].reversed().reduce(0) { $0 << 8 | Int($1) }
    }
}

// MARK: - SVG

extension ImageSize {
    /// The root `<svg>` element's `width` and `height` when they are absolute
    /// lengths (a number, or with px, pt, pc, in, cm, mm); a missing or
    /// relative one (`50%`, `10em`) is worked out from the other and the
    /// `viewBox`'s proportions, and with neither the `viewBox`'s own width and
    /// height are taken, as user units are pixels. Best effort: no XML parser,
    /// the first start tag after comments, processing instructions and a
    /// doctype must be `<svg`.
    static func svg(_ bytes: [UInt8]) -> ImageSize? {
        guard let attributes = rootAttributes(bytes), attributes.name == "svg" else { return nil }
        let width = attributes.values["width"].flatMap(length), height = attributes.values["height"].flatMap(length)
        let box = attributes.values["viewBox"].flatMap(viewBox)
        switch (width, height, box) {
        case let (width?, height?, _): return ImageSize(rounding: width, height)
        case let (width?, nil, box?): return ImageSize(rounding: width, width * box.height / box.width)
        case let (nil, height?, box?): return ImageSize(rounding: height * box.width / box.height, height)
        case let (_, _, box?): return ImageSize(rounding: box.width, box.height)
        default: return nil
        }
    }

    private init?(rounding width: Double, _ height: Double) {
        // Also keeps the conversion to Int from trapping on an absurd value.
        guard width.isFinite, height.isFinite, width < 1e7, height < 1e7 else { return nil }
        self.init(width: Int(width.rounded()), height: Int(height.rounded()))
    }

    /// The name and attributes of the first element's start tag.
    private static func rootAttributes(_ bytes: [UInt8]) -> (name: String, values: [String: String])? {
        var index = 0
        func skip(past end: String) -> Bool {
            let pattern = Array(end.utf8)
            while index + pattern.count <= bytes.count {
                if bytes[index..<index + pattern.count].elementsEqual(pattern) {
                    index += pattern.count
                    return true
                }
                index += 1
            }
            return false
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        func name() -> String {
            let start = index
            while index < bytes.count, !isSpace(bytes[index]), !"=>/".utf8.contains(bytes[index]) { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
        func skipSpaces() { while index < bytes.count, isSpace(bytes[index]) { index += 1 } }

        // To the first start tag.
        while true {
            guard skip(past: "<"), index < bytes.count else { return nil }
            if bytes[index...].starts(with: "!--".utf8) {
                guard skip(past: "-->") else { return nil }
            } else if bytes[index] == UInt8(ascii: "?") {
                guard skip(past: "?>") else { return nil }
            } else if bytes[index] == UInt8(ascii: "!") {
                // A doctype, with its internal subset in brackets if it has one.
                let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
                if let open = bytes[index..<close].firstIndex(of: UInt8(ascii: "[")) {
                    index = open
                    guard skip(past: "]") else { return nil }
                }
                guard skip(past: ">") else { return nil }
            } else {
                break
            }
        }
        let element = name()
        var values: [String: String] = [:]
        while true {
            skipSpaces()
            // A tag cut short says nothing for sure.
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ">") || bytes[index] == UInt8(ascii: "/") { break }
            let attribute = name()
            skipSpaces()
            guard !attribute.isEmpty, index < bytes.count, bytes[index] == UInt8(ascii: "=") else { return nil }
            index += 1
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else { return nil }
            let quote = bytes[index]
            index += 1
            guard let end = bytes[index...].firstIndex(of: quote) else { return nil }
            values[attribute] = String(decoding: bytes[index..<end], as: UTF8.self)
            index = end + 1
        }
        return (element, values)
    }

    /// CSS pixels per unit of the absolute lengths SVG allows.
    private static let units: [String: Double] = ["": 1, "px": 1, "pt": 4.0 / 3, "pc": 16, "in": 96, "cm": 96 / 2.54, "mm": 96 / 25.4]

    /// An absolute length in pixels, or nil (relative, or not a length).
    private static func length(_ text: String) -> Double? {
        let trimmed = text.trimmingSpaces
        guard let (value, rest) = number(trimmed[...]), let scale = units[String(rest)], value > 0 else { return nil }
        return value * scale
    }

    /// The width and height of a `viewBox` ("min-x min-y width height", spaces or commas).
    private static func viewBox(_ text: String) -> (width: Double, height: Double)? {
        let parts = text.split(whereSeparator: { " ,\t\n\r".contains($0) })
        guard parts.count == 4, let width = number(parts[2]), width.rest.isEmpty, let height = number(parts[3]), height.rest.isEmpty,
              width.value > 0, height.value > 0 else { return nil }
        return (width.value, height.value)
    }

    /// The number at the start of `text` (sign, digits, fraction, exponent) and what follows it.
    private static func number(_ text: Substring) -> (value: Double, rest: Substring)? {
        var end = text.startIndex
        func digits() { while end < text.endIndex, text[end].isASCII, text[end].isNumber { end = text.index(after: end) } }
        if end < text.endIndex, text[end] == "+" || text[end] == "-" { end = text.index(after: end) }
        digits()
        if end < text.endIndex, text[end] == "." {
            end = text.index(after: end)
            digits()
        }
        // An exponent only when digits follow: "2em" is 2 em.
        if end < text.endIndex, text[end] == "e" || text[end] == "E" {
            var exponent = text.index(after: end)
            if exponent < text.endIndex, text[exponent] == "+" || text[exponent] == "-" { exponent = text.index(after: exponent) }
            if exponent < text.endIndex, text[exponent].isASCII, text[exponent].isNumber {
                end = exponent
                digits()
            }
        }
        guard let value = Double(text[text.startIndex..<end]) else { return nil }
        return (value, text[end...])
    }
}
