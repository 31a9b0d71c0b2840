import Testing

@testable import GuidePreview

@Suite struct HTTPDateTests {
    @Test func roundTrips() {
        #expect(HTTPDate.format(secondsSince1970: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.parse(HTTPDate.format(secondsSince1970: 1_700_000_000)) == 1_700_000_000)
        #expect(HTTPDate.parse("not a date") == nil)
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 PST") == nil)
    }
}
