/// A QR Code symbol (ISO/IEC 18004) holding bytes in byte mode, for enrolling an authenticator
/// app: the mirror has no QR package, so this follows the standard directly. It picks the
/// smallest version that fits at the asked error-correction level and the mask with the lowest
/// penalty. Decoders nobody here wrote read its output in the tests (zxing-cpp).
public struct QRCode: Sendable {
    /// How much of the symbol may be damaged and still read: about 7, 15, 25 and 30 percent.
    public enum ErrorCorrection: Int, CaseIterable, Sendable {
        case low, medium, quartile, high

        /// The two bits the format information carries for the level.
        var formatBits: Int {
            switch self {
            case .low: 1
            case .medium: 0
            case .quartile: 3
            case .high: 2
            }
        }
    }

    public enum EncodingError: Error, Equatable {
        /// More bytes than the largest version (40) holds at this level.
        case tooLong(capacity: Int)
    }

    public let version: Int
    public let correction: ErrorCorrection
    /// Modules on a side: 17 + 4 × version.
    public let size: Int
    /// The mask pattern chosen (0–7).
    public private(set) var mask: Int
    private var modules: [Bool]
    private var isFunction: [Bool]

    /// Encodes `bytes` in the smallest version from `minimumVersion` that holds them.
    public init(bytes: [UInt8], correction: ErrorCorrection = .medium, minimumVersion: Int = 1) throws {
        var chosen: Int?
        for version in max(1, minimumVersion)...40
        where Self.dataBits(bytes.count, version: version) <= Self.dataCapacity(version, correction) * 8 {
            chosen = version
            break
        }
        guard let version = chosen else {
            throw EncodingError.tooLong(capacity: Self.byteCapacity(version: 40, correction: correction))
        }
        self.version = version
        self.correction = correction
        self.size = version * 4 + 17
        self.mask = 0
        self.modules = Array(repeating: false, count: size * size)
        self.isFunction = Array(repeating: false, count: size * size)
        drawFunctionPatterns()
        drawCodewords(interleaved(Self.dataCodewords(bytes, version: version, correction: correction)))
        chooseMask()
    }

    /// Encodes text as UTF-8.
    public init(text: String, correction: ErrorCorrection = .medium, minimumVersion: Int = 1) throws {
        try self.init(bytes: Array(text.utf8), correction: correction, minimumVersion: minimumVersion)
    }

    /// Whether the module at column `x`, row `y` is dark; outside the symbol is light (quiet zone).
    public func isDark(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }

    /// The most bytes a version holds at a level.
    public static func byteCapacity(version: Int, correction: ErrorCorrection) -> Int {
        let countBits = version < 10 ? 8 : 16
        return (dataCapacity(version, correction) * 8 - 4 - countBits) / 8
    }

    // MARK: - Data

    private static func dataBits(_ count: Int, version: Int) -> Int {
        4 + (version < 10 ? 8 : 16) + count * 8
    }

    /// Mode, count, bytes, terminator, padding to the version's data capacity.
    private static func dataCodewords(_ bytes: [UInt8], version: Int, correction: ErrorCorrection) -> [UInt8] {
        let capacityBits = dataCapacity(version, correction) * 8
        var bits: [Bool] = []
        func append(_ value: Int, _ length: Int) {
            for shift in stride(from: length - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
        }
        append(0b0100, 4)
        append(bytes.count, version < 10 ? 8 : 16)
        for byte in bytes { append(Int(byte), 8) }
        append(0, min(4, capacityBits - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var codewords = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { ($0 << 1) | ($1 ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while codewords.count < capacityBits / 8 {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// Splits data into the version's blocks, adds each block's Reed–Solomon codewords, and interleaves.
    private func interleaved(_ data: [UInt8]) -> [UInt8] {
        let blockCount = Self.blockCounts[correction.rawValue][version]
        let eccLength = Self.eccPerBlock[correction.rawValue][version]
        let rawCodewords = Self.rawDataModules(version) / 8
        let shortBlocks = blockCount - rawCodewords % blockCount
        let shortLength = rawCodewords / blockCount
        let divisor = ReedSolomon.divisor(degree: eccLength)
        var blocks: [[UInt8]] = []
        var offset = 0
        for index in 0..<blockCount {
            let length = shortLength - eccLength + (index < shortBlocks ? 0 : 1)
            let chunk = Array(data[offset..<offset + length])
            offset += length
            var block = chunk + ReedSolomon.remainder(chunk, divisor: divisor)
            if index < shortBlocks { block.insert(0, at: shortLength - eccLength) }  // keeps columns aligned
            blocks.append(block)
        }
        var result: [UInt8] = []
        for column in 0..<blocks[0].count {
            for (index, block) in blocks.enumerated() where column != shortLength - eccLength || index >= shortBlocks {
                result.append(block[column])
            }
        }
        return result
    }

    // MARK: - Drawing

    private mutating func set(_ x: Int, _ y: Int, _ dark: Bool, function: Bool = true) {
        modules[y * size + x] = dark
        if function { isFunction[y * size + x] = true }
    }

    private mutating func drawFunctionPatterns() {
        for i in 0..<size {
            set(6, i, i % 2 == 0)
            set(i, 6, i % 2 == 0)
        }
        for (x, y) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4...4 {
                for dx in -4...4 where (0..<size).contains(x + dx) && (0..<size).contains(y + dy) {
                    let distance = max(abs(dx), abs(dy))
                    set(x + dx, y + dy, distance != 2 && distance != 4)
                }
            }
        }
        let positions = Self.alignmentPositions(version)
        let last = positions.count - 1
        for (i, x) in positions.enumerated() {
            for (j, y) in positions.enumerated() where !((i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0)) {
                for dy in -2...2 {
                    for dx in -2...2 { set(x + dx, y + dy, max(abs(dx), abs(dy)) != 1) }
                }
            }
        }
        drawFormatBits(mask: 0)  // reserves the area; redrawn with the chosen mask
        if version >= 7 {
            var remainder = version
            for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
            let bits = version << 12 | remainder
            for i in 0..<18 {
                let dark = (bits >> i) & 1 == 1
                let a = size - 11 + i % 3
                let b = i / 3
                set(a, b, dark)
                set(b, a, dark)
            }
        }
    }

    private mutating func drawFormatBits(mask: Int) {
        let data = correction.formatBits << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        for i in 0...5 { set(8, i, bit(i)) }
        set(8, 7, bit(6))
        set(8, 8, bit(7))
        set(7, 8, bit(8))
        for i in 9..<15 { set(14 - i, 8, bit(i)) }
        for i in 0..<8 { set(size - 1 - i, 8, bit(i)) }
        for i in 8..<15 { set(8, size - 15 + i, bit(i)) }
        set(8, size - 8, true)  // the dark module
    }

    /// Places the codeword bits in the zig-zag order of the standard, two columns at a time.
    private mutating func drawCodewords(_ codewords: [UInt8]) {
        var index = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }  // skip the vertical timing pattern
            for vertical in 0..<size {
                for j in 0..<2 {
                    let x = right - j
                    let upward = (right + 1) & 2 == 0
                    let y = upward ? size - 1 - vertical : vertical
                    if !isFunction[y * size + x] && index < codewords.count * 8 {
                        set(x, y, (codewords[index >> 3] >> (7 - (index & 7))) & 1 == 1, function: false)
                        index += 1
                    }
                }
            }
            right -= 2
        }
    }

    private static func masked(_ mask: Int, _ x: Int, _ y: Int) -> Bool {
        switch mask {
        case 0: (x + y) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (x + y) % 3 == 0
        case 4: (x / 3 + y / 2) % 2 == 0
        case 5: x * y % 2 + x * y % 3 == 0
        case 6: (x * y % 2 + x * y % 3) % 2 == 0
        default: ((x + y) % 2 + x * y % 3) % 2 == 0
        }
    }

    private mutating func applyMask(_ mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y * size + x] && Self.masked(mask, x, y) {
                modules[y * size + x].toggle()
            }
        }
    }

    private mutating func chooseMask() {
        var best = (mask: 0, penalty: Int.max)
        for candidate in 0..<8 {
            applyMask(candidate)
            drawFormatBits(mask: candidate)
            let penalty = penaltyScore()
            if penalty < best.penalty { best = (candidate, penalty) }
            applyMask(candidate)  // XOR undoes it
        }
        mask = best.mask
        applyMask(best.mask)
        drawFormatBits(mask: best.mask)
    }

    /// The standard's four penalty rules: runs, 2×2 blocks, finder-like patterns, dark balance.
    private func penaltyScore() -> Int {
        var penalty = 0
        let finderLike: [Bool] = [true, false, true, true, true, false, true]
        var cells = [Bool](repeating: false, count: size)
        for horizontal in [true, false] {
            for line in 0..<size {
                for i in 0..<size { cells[i] = horizontal ? modules[line * size + i] : modules[i * size + line] }
                var run = 1
                for i in 1...size {
                    if i < size && cells[i] == cells[i - 1] {
                        run += 1
                    } else {
                        if run >= 5 { penalty += run - 2 }
                        run = 1
                    }
                }
                for start in 0...(size - 7) where (0..<7).allSatisfy({ cells[start + $0] == finderLike[$0] }) {
                    let before = (start - 4..<start).allSatisfy { $0 < 0 || !cells[$0] }
                    let after = (start + 7..<start + 11).allSatisfy { $0 >= size || !cells[$0] }
                    if before || after { penalty += 40 }
                }
            }
        }
        for y in 0..<size - 1 {
            for x in 0..<size - 1 {
                let color = modules[y * size + x]
                if modules[y * size + x + 1] == color && modules[(y + 1) * size + x] == color && modules[(y + 1) * size + x + 1] == color {
                    penalty += 3
                }
            }
        }
        let dark = modules.count { $0 }
        penalty += abs(dark * 20 - modules.count * 10) / modules.count * 10
        return penalty
    }

    // MARK: - Tables of the standard

    private static func alignmentPositions(_ version: Int) -> [Int] {
        guard version > 1 else { return [] }
        let count = version / 7 + 2
        let step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        var positions = [6]
        var position = version * 4 + 17 - 7
        for _ in 0..<(count - 1) {
            positions.insert(position, at: 1)
            position -= step
        }
        return positions
    }

    /// Modules left for data and error correction after the function patterns.
    private static func rawDataModules(_ version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignments = version / 7 + 2
            result -= (25 * alignments - 10) * alignments - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    private static func dataCapacity(_ version: Int, _ correction: ErrorCorrection) -> Int {
        rawDataModules(version) / 8 - eccPerBlock[correction.rawValue][version] * blockCounts[correction.rawValue][version]
    }

    /// Error-correction codewords per block, by level then version (index 0 unused).
    private static let eccPerBlock: [[Int]] = [
        [
            -1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30,
            30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
        [
            -1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28,
            28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
        ],
        [
            -1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30,
            30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
        [
            -1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30,
            30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
    ]

    /// Error-correction blocks, by level then version (index 0 unused).
    private static let blockCounts: [[Int]] = [
        [
            -1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19,
            20, 21, 22, 24, 25,
        ],
        [
            -1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35,
            37, 38, 40, 43, 45, 47, 49,
        ],
        [
            -1, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45,
            48, 51, 53, 56, 59, 62, 65, 68,
        ],
        [
            -1, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54,
            57, 60, 63, 66, 70, 74, 77, 81,
        ],
    ]
}

/// Reed–Solomon error correction over GF(2⁸) with the QR polynomial x⁸ + x⁴ + x³ + x² + 1.
enum ReedSolomon {
    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z = 0
        for i in stride(from: 7, through: 0, by: -1) {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= ((Int(y) >> i) & 1) * Int(x)
        }
        return UInt8(z)
    }

    /// The generator polynomial's coefficients, highest power first, without the leading 1.
    static func divisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    static func remainder(_ data: [UInt8], divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for i in result.indices { result[i] ^= multiply(divisor[i], factor) }
        }
        return result
    }
}
