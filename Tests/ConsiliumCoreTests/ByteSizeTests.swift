import ConsiliumCore
import Testing

@Suite("Sizes in words")
struct ByteSizeTests {
    @Test("limits set in MiB read as round numbers: 2 GB, not 2.15 GB")
    func limits() {
        #expect(ByteSize.words(2048 << 20) == "2 GB")
        #expect(ByteSize.words(10240 << 20) == "10 GB")
        #expect(ByteSize.words(500 << 20) == "500 MB")
    }

    @Test("small sizes keep one decimal, larger ones none, and bytes are counted")
    func sizes() {
        #expect(ByteSize.words(0) == "0 bytes")
        #expect(ByteSize.words(1) == "1 byte")
        #expect(ByteSize.words(1023) == "1023 bytes")
        #expect(ByteSize.words(1024) == "1 KB")
        #expect(ByteSize.words(1536 * 1024) == "1.5 MB")
        #expect(ByteSize.words(358_400) == "350 KB")
        #expect(ByteSize.words(1_048_575) == "1 MB")
    }
}

@Suite("Counts and lists in sentences")
struct PluralTests {
    @Test("a count agrees with its noun")
    func counts() {
        #expect(Plural.count(1, "case") == "1 case")
        #expect(Plural.count(0, "case") == "0 cases")
        #expect(Plural.count(3, "reply", "replies") == "3 replies")
    }

    @Test("a list joins its last item with and")
    func lists() {
        #expect(Plural.list([]) == "")
        #expect(Plural.list(["your opinion"]) == "your opinion")
        #expect(Plural.list(["your opinion", "your recommendations"]) == "your opinion and your recommendations")
        #expect(Plural.list(["a", "b", "c"]) == "a, b, and c")
    }
}
