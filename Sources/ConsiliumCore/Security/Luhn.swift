/// The Luhn check digit (ISO/IEC 7812-1), used by NPIs and by case reference numbers.
public enum Luhn {
    /// The digit that makes `digits` followed by it pass the Luhn check.
    public static func checkDigit(for digits: [Int]) -> Int {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            // Doubling starts with the rightmost digit, because the check digit will follow it.
            var value = offset % 2 == 0 ? digit * 2 : digit
            if value > 9 { value -= 9 }
            sum += value
        }
        return (10 - sum % 10) % 10
    }

    /// The digits of `text`, or nil if it holds anything but digits.
    public static func digits(of text: String) -> [Int]? {
        var digits: [Int] = []
        for character in text {
            guard let value = character.wholeNumberValue, character.isASCII else { return nil }
            digits.append(value)
        }
        return digits
    }
}
