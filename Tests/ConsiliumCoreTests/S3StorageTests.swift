import ConsiliumCore
import Foundation
import Testing

@Suite("Reading S3's answers and naming objects")
struct S3StorageTests {
    /// ListMultipartUploads as AWS documents it, shortened; RGW answers the same shape.
    static let uploads = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
          <Bucket>records</Bucket><KeyMarker/><UploadIdMarker></UploadIdMarker>
          <NextKeyMarker>p/b.rec</NextKeyMarker><NextUploadIdMarker>2~x</NextUploadIdMarker>
          <MaxUploads>2</MaxUploads><IsTruncated>true</IsTruncated>
          <Upload><Key>p/a.rec</Key><UploadId>2~abc&amp;def</UploadId><Initiated>2026-11-28T02:11:32.000Z</Initiated></Upload>
          <Upload><Key>p/b &lt;&#233;&#x20AC;&gt;.rec</Key><UploadId>2~x</UploadId><Initiated>2026-11-28T02:11:33Z</Initiated></Upload>
        </ListMultipartUploadsResult>
        """

    @Test("elements are found by exact name, empty ones included, and their text decoded")
    func elements() {
        let uploads = S3XML.elements("Upload", in: Self.uploads).map(String.init)
        #expect(uploads.count == 2)
        #expect(uploads.map { S3XML.text("Key", in: $0) } == ["p/a.rec", "p/b <é€>.rec"])
        #expect(S3XML.text("UploadId", in: uploads[0]) == "2~abc&def")
        #expect(S3XML.text("KeyMarker", in: Self.uploads) == "")
        #expect(S3XML.text("UploadIdMarker", in: Self.uploads) == "")
        // <Key> is not <KeyMarker>, nor <NextKeyMarker>
        #expect(S3XML.texts("Key", in: Self.uploads) == ["p/a.rec", "p/b <é€>.rec"])
        #expect(S3XML.text("IsTruncated", in: Self.uploads) == "true")
        #expect(S3XML.text("Missing", in: Self.uploads) == nil)
        #expect(S3XML.texts("Open", in: "<Open>never closed") == [])
    }

    @Test("dates with and without fractions; stray ampersands kept; what we send is escaped")
    func datesAndEntities() throws {
        let first = try #require(S3XML.date("2026-11-28T02:11:32.000Z"))
        let second = try #require(S3XML.date("2026-11-28T02:11:33Z"))
        #expect(second.timeIntervalSince(first) == 1)
        #expect(S3XML.date("yesterday") == nil)
        #expect(S3XML.decode("a & b &unknown; &#xZZ; &amp;") == "a & b &unknown; &#xZZ; &")
        #expect(S3XML.escape("\"etag\"<&>") == "\"etag\"&lt;&amp;&gt;")
    }

    @Test("storage locations: a bucket S3 accepts, a clean prefix, and only our own object names read back")
    func locations() throws {
        let location = try #require(S3Location("s3://consilium-records/prod/records/"))
        #expect(location.bucket == "consilium-records")
        #expect(location.prefix == "prod/records/")
        #expect(location.objectKey("0a1b") == "prod/records/0a1b.rec")
        #expect(location.storageKey("prod/records/0a1b.rec") == "0a1b")
        #expect(location.storageKey("prod/records/deeper/0a1b.rec") == nil)
        #expect(location.storageKey("prod/other/0a1b.rec") == nil)
        #expect(location.storageKey("prod/records/0a1b.txt") == nil)
        #expect(try #require(S3Location("s3://bucket")).prefix == "")
        #expect(try #require(S3Location("s3://bucket/")).prefix == "")
        #expect(String(describing: try #require(S3Location("s3://bucket/a"))) == "s3://bucket/a/")
        for refused in [
            "s3://Bucket/x", "s3://ab", "s3://-bucket", "s3://bucket-/x", "s3://bu_cket", "s3://bucket/a//b", "s3://bucket/../b",
            "https://bucket/x", "s3:///x", "s3://\(String(repeating: "a", count: 64))",
        ] {
            #expect(S3Location(refused) == nil, "\(refused)")
        }
    }
}
