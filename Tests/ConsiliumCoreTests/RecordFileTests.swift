import Foundation
import Testing

@testable import ConsiliumCore

/// The sample DICOM files that ship with pydicom, and what pydicom reads from each; the test
/// command writes this manifest. Without it (plain `swift test`) these tests are skipped.
enum DICOMSamples {
    struct Expected: Decodable {
        let transferSyntax: String?
        let studyDate: String?
        let modality: String?
        let studyDescription: String?
        let patientName: String?
        let patientBirthDate: String?
        let plainCharset: Bool
        let preamble: Bool
        /// The dataset is deflate-compressed: only the file meta header can be read without inflating it.
        let deflated: Bool
    }

    static let manifest: [String: Expected]? = {
        guard let path = ProcessInfo.processInfo.environment["CONSILIUM_TEST_DICOM_MANIFEST"],
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        return try? JSONDecoder().decode([String: Expected].self, from: data)
    }()

    static var available: Bool { manifest?.isEmpty == false }

    static func bytes(_ name: String) throws -> [UInt8] {
        let path = try #require(manifest?.keys.first { $0.hasSuffix("/" + name) })
        return Array(try #require(FileManager.default.contents(atPath: path)))
    }
}

@Suite("Record file kinds")
struct FileKindTests {
    @Test("each accepted kind is known by its first bytes")
    func kinds() throws {
        #expect(try FileKind.detect(Array("%PDF-1.7\n".utf8)) == .pdf)
        #expect(try FileKind.detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]) == .jpeg)
        #expect(try FileKind.detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(try FileKind.detect([0x50, 0x4B, 0x03, 0x04, 20, 0]) == .zip)
        #expect(try FileKind.detect([UInt8](repeating: 0, count: 128) + Array("DICM".utf8) + [2, 0]) == .dicom)
    }

    @Test("names and declared types do not matter: an HTML page is refused whatever it is called")
    func refused() {
        #expect(throws: FileKind.Refusal.unrecognised) { try FileKind.detect(Array("<!doctype html><title>x</title>".utf8)) }
        #expect(throws: FileKind.Refusal.unrecognised) { try FileKind.detect(Array("PK\u{05}\u{06}".utf8)) }
        #expect(throws: FileKind.Refusal.empty) { try FileKind.detect([]) }
    }

    @Test(
        "a DICOM preamble that holds a program is refused",
        arguments: [[0x4D, 0x5A], [0x7F, 0x45, 0x4C, 0x46], [0xCF, 0xFA, 0xED, 0xFE], [0x23, 0x21]])
    func executablePreamble(_ header: [UInt8]) {
        let file = header + [UInt8](repeating: 0, count: 128 - header.count) + Array("DICM".utf8) + [2, 0, 0, 0]
        #expect(throws: FileKind.Refusal.executablePreamble) { try FileKind.detect(file) }
    }

    @Test("every pydicom sample, with or without its preamble, is recognised as DICOM", .enabled(if: DICOMSamples.available))
    func pydicomSamples() throws {
        for (path, _) in try #require(DICOMSamples.manifest) {
            let bytes = Array(try #require(FileManager.default.contents(atPath: path)).prefix(FileKind.sniffLength))
            #expect(throws: Never.self, "\(path)") { _ = try FileKind.detect(bytes) }
            #expect((try? FileKind.detect(bytes)) == .dicom, "\(path)")
        }
    }
}

@Suite("DICOM metadata", .enabled(if: DICOMSamples.available))
struct DICOMReaderTests {
    @Test("study date, modality, description, patient name and birth date match pydicom for every sample")
    func matchesPydicom() throws {
        var compared = 0
        for (path, expected) in try #require(DICOMSamples.manifest) {
            let bytes = Array(try #require(FileManager.default.contents(atPath: path)))
            guard let metadata = try? DICOMReader.read(bytes) else {
                Issue.record("could not read \(path)")
                continue
            }
            if expected.deflated {
                #expect(metadata.transferSyntax == expected.transferSyntax, "\(path)")
                continue
            }
            #expect(metadata.studyDate == expected.studyDate, "\(path)")
            #expect(metadata.modality == expected.modality, "\(path)")
            if expected.plainCharset {
                #expect(metadata.studyDescription == expected.studyDescription, "\(path)")
                #expect(metadata.patientName == expected.patientName, "\(path)")
            }
            #expect(metadata.patientBirthDate == expected.patientBirthDate, "\(path)")
            if expected.preamble { #expect(metadata.transferSyntax == expected.transferSyntax, "\(path)") }
            compared += 1
        }
        #expect(compared >= 50)
    }

    @Test("the first part of a file is enough, and reading stops before the pixels")
    func prefixIsEnough() throws {
        let whole = try DICOMSamples.bytes("CT_small.dcm")
        let full = try DICOMReader.read(whole)
        #expect(full.modality == "CT")
        #expect(try DICOMReader.read(Array(whole.prefix(4096))) == full)
    }

    @Test("big-endian and preamble-less files are read too")
    func encodings() throws {
        #expect(try DICOMReader.read(try DICOMSamples.bytes("ExplVR_BigEnd.dcm")).transferSyntax == "1.2.840.10008.1.2.2")
        #expect(try DICOMReader.read(try DICOMSamples.bytes("ExplVR_BigEndNoMeta.dcm")).modality != nil)
        #expect(try DICOMReader.read(try DICOMSamples.bytes("ExplVR_LitEndNoMeta.dcm")).modality != nil)
    }
}

@Suite("Wrong-patient imaging")
struct DICOMPatientCheckTests {
    let born = CalendarDate(iso: "1951-06-14")!

    func metadata(name: String?, birth: String?) -> DICOMReader.Metadata {
        DICOMReader.Metadata(
            transferSyntax: nil, studyDate: nil, modality: "CT", studyDescription: nil, patientName: name, patientBirthDate: birth)
    }

    @Test("the same patient, written the DICOM way, is not flagged")
    func samePatient() {
        #expect(
            DICOMPatientCheck.mismatches(
                metadata(name: "ELLIS^MARGARET^A", birth: "19510614"), firstName: "Margaret", lastName: "Ellis", birthDate: born
            ).isEmpty)
        #expect(
            DICOMPatientCheck.mismatches(metadata(name: "Núñez^José", birth: nil), firstName: "Jose", lastName: "Nunez", birthDate: born)
                .isEmpty)
        #expect(
            DICOMPatientCheck.mismatches(metadata(name: "^^^^", birth: ""), firstName: "Margaret", lastName: "Ellis", birthDate: born)
                .isEmpty)
    }

    @Test("another name or another birth date is flagged")
    func otherPatient() {
        #expect(
            DICOMPatientCheck.mismatches(
                metadata(name: "CompressedSamples^CT1", birth: "19510614"), firstName: "Margaret", lastName: "Ellis", birthDate: born) == [
                    .name
                ])
        #expect(
            DICOMPatientCheck.mismatches(
                metadata(name: "Ellis^Margaret", birth: "19510615"), firstName: "Margaret", lastName: "Ellis", birthDate: born) == [
                    .birthDate
                ])
        #expect(
            DICOMPatientCheck.mismatches(
                metadata(name: "Ellis^Daniel", birth: "19800101"), firstName: "Margaret", lastName: "Ellis", birthDate: born
            ).count == 2)
    }
}
