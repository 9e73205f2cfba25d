/// A size as people read it: "2 GB", "350 KB", "1.5 MB". Sizes and limits are counted in
/// powers of 1,024 and named KB, MB and GB, as people's computers name them, so a 2 GiB limit
/// reads "2 GB" rather than the "2.15 GB" of powers of 1,000.
public enum ByteSize {
    public static func words(_ bytes: Int64, in language: Language = .english) -> String {
        let text = words(bytes)
        // the units read the same in Spanish; the decimal mark is a comma ("1,5 MB"), bytes "bytes"
        return language == .english ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    static func words(_ bytes: Int64) -> String {
        if bytes < 1024 { return bytes == 1 ? "1 byte" : "\(max(bytes, 0)) bytes" }
        let units = ["KB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1024
        var unit = 0
        // 1,023.9 KB is shown as 1 MB, so the rounded value decides the unit
        while value.rounded() >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        // one decimal below 10 ("1.5 MB"), none above ("350 KB"); never a trailing ".0"
        let tenths = (value * 10).rounded()
        if value < 10, tenths.truncatingRemainder(dividingBy: 10) != 0 {
            return "\(Int(tenths) / 10).\(Int(tenths) % 10) \(units[unit])"
        }
        return "\(Int(value.rounded())) \(units[unit])"
    }
}
