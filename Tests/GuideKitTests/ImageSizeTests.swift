import Foundation
import Testing
@testable import GuideKit

/// Image sizes read from headers. The fixtures under Tests/Fixtures/images
/// were written by Pillow (`make.py` there) at the sizes their names say, and
/// Chromium shows each raster one at that size (naturalWidth × naturalHeight).
@Suite struct ImageSizeTests {
    static let folder = Fixtures.repository.appendingPathComponent("Tests/Fixtures/images")

    static let rasters: [(file: String, width: Int, height: Int)] = [
        ("png-321x47.png", 321, 47),
        ("jpeg-baseline-301x203.jpg", 301, 203),
        ("jpeg-progressive-259x517.jpg", 259, 517),
        // Stored 120 × 40 with EXIF orientation 6: browsers turn it a quarter.
        ("jpeg-exif-rotated-40x120.jpg", 40, 120),
        ("gif-333x19.gif", 333, 19),
        ("webp-lossy-270x150.webp", 270, 150),
        ("webp-lossless-300x301.webp", 300, 301),
        ("webp-extended-400x77.webp", 400, 77),
    ]

    static func bytes(_ file: String) throws -> [UInt8] {
        try Fixtures.bytes(folder.appendingPathComponent(file))
    }

    @Test(arguments: rasters)
    func rasterImages(file: String, width: Int, height: Int) throws {
        let expected = ImageSize(width: width, height: height)
        #expect(ImageSize.read(path: Self.folder.appendingPathComponent(file).path) == expected)
        #expect(ImageSize.of(try Self.bytes(file)) == expected)
    }

    /// The fixtures are the formats they are named after, as their first chunk or segments say.
    @Test func theFixturesCoverEachVariant() throws {
        #expect(Array(try Self.bytes("webp-lossy-270x150.webp")[12..<16]) == Array("VP8 ".utf8))
        #expect(Array(try Self.bytes("webp-lossless-300x301.webp")[12..<16]) == Array("VP8L".utf8))
        #expect(Array(try Self.bytes("webp-extended-400x77.webp")[12..<16]) == Array("VP8X".utf8))
        func hasMarker(_ file: String, _ marker: UInt8) throws -> Bool {
            let bytes = try Self.bytes(file)
            return bytes.indices.dropLast().contains { bytes[$0] == 0xFF && bytes[$0 + 1] == marker }
        }
        #expect(try hasMarker("jpeg-baseline-301x203.jpg", 0xC0))
        #expect(try hasMarker("jpeg-baseline-301x203.jpg", 0xFE), "a comment segment to skip")
        #expect(try hasMarker("jpeg-progressive-259x517.jpg", 0xC2))
        #expect(try !hasMarker("jpeg-progressive-259x517.jpg", 0xC0))
    }

    /// SVG sizes as a browser lays them out in an `<img>` with those attributes.
    @Test(arguments: [
        ("svg-width-height-640x360.svg", 640, 360),  // width and height win over the viewBox
        ("svg-viewbox-800x450.svg", 800, 450),  // the viewBox's own size
        ("svg-width-and-viewbox-200x100.svg", 200, 100),  // "200px", the height from the viewBox's proportions
        ("svg-percent-90x30.svg", 90, 30),  // relative lengths say nothing: the viewBox
    ])
    func svgImages(file: String, width: Int, height: Int) throws {
        #expect(ImageSize.read(path: Self.folder.appendingPathComponent(file).path) == ImageSize(width: width, height: height))
    }

    @Test func svgWithoutASizeHasNone() throws {
        #expect(ImageSize.read(path: Self.folder.appendingPathComponent("svg-no-size.svg").path) == nil)
        func size(_ text: String) -> ImageSize? { ImageSize.of(Array(text.utf8)) }
        #expect(size(#"<svg width="10em" height="4em"/>"#) == nil)
        #expect(size(#"<svg width="300"/>"#) == nil, "the height would be the browser's guess")
        #expect(size(#"<svg viewBox="0 0 0 10"/>"#) == nil)
        #expect(size(#"<html><svg width="10" height="10"/></html>"#) == nil, "not an SVG file")
        #expect(size(#"<svg width="1e400" height="10"/>"#) == nil)
        #expect(size("<svg width=\"10\" height=\"10\"") == nil, "a tag cut short")
    }

    @Test func svgLengthsInOtherUnits() {
        func size(_ text: String) -> ImageSize? { ImageSize.of(Array(text.utf8)) }
        #expect(size(#"<svg width="1in" height="72pt"/>"#) == ImageSize(width: 96, height: 96))
        #expect(size(#"<svg height=' 50.4 ' width='2.54cm'>"#) == ImageSize(width: 96, height: 50))
        #expect(size("\u{FEFF}<!DOCTYPE svg [ <!ENTITY a \"<svg width='1' height='1'>\"> ]>\n<svg width=\"7\" height=\"8\">") == ImageSize(width: 7, height: 8))
    }

    /// A file cut anywhere gives its size or none, and never reads past what it has.
    @Test(arguments: rasters.map(\.file))
    func everyTruncationOfAFixtureIsSafe(file: String) throws {
        let bytes = try Self.bytes(file)
        let full = ImageSize.of(bytes)
        for length in 0..<bytes.count {
            let size = ImageSize.of(Array(bytes.prefix(length)))
            #expect(size == nil || size == full, "\(file) cut at \(length)")
        }
        #expect(ImageSize.of(Array(bytes.prefix(8))) == nil)
    }

    @Test func garbageHasNoSize() throws {
        var random = RandomEditTests.SeededRandom(state: 7)
        for _ in 0..<2000 {
            let count = Int(random.next() % 64)
            let noise = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            // Each format's signature followed by noise, and noise alone: whatever it says, no crash.
            for signature: [UInt8] in [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [0xFF, 0xD8, 0xFF], Array("GIF89a".utf8),
                                       Array("RIFF\0\0\0\0WEBPVP8 ".utf8), Array("RIFF\0\0\0\0WEBPVP8L".utf8), Array("<svg ".utf8), []] {
                _ = ImageSize.of(signature + noise)
            }
        }
        #expect(ImageSize.of([]) == nil)
        #expect(ImageSize.of(Array("plain text, not an image".utf8)) == nil)
        #expect(ImageSize.read(path: "/nonexistent/image.png") == nil)
        #expect(ImageSize.read(path: Self.folder.path) == nil, "a folder")
    }

    /// Segment lengths that would loop or run backwards, and a frame whose height comes later (DNL).
    @Test func damagedJPEGsHaveNoSize() {
        #expect(ImageSize.of([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x00]) == nil, "a length below 2")
        #expect(ImageSize.of([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x02] + Array(repeating: 0xFF, count: 5000)) == nil, "fill bytes to the end")
        #expect(ImageSize.of([0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x00, 0x01, 0x00]) == nil, "height 0")
        #expect(ImageSize.of([0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08]) == nil, "scan data before any frame")
        #expect(ImageSize.of([0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x20]) == ImageSize(width: 32, height: 16))
        #expect(ImageSize.of([0xFF, 0xD8, 0xFF, 0xC4, 0x00, 0x07, 0x08, 0x00, 0x10, 0x00, 0x20, 0xFF, 0xD9]) == nil, "DHT is not a frame")
    }
}
