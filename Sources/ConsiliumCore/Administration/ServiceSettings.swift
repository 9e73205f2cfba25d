import Foundation

/// What administrators change while the service runs: where it takes patients from, which
/// specialties it offers, the turnaround it promises and how many follow-up questions a
/// treating physician may ask. The environment gives the first values; the database keeps
/// every later edit.
public struct ServiceSettings: Sendable, Equatable {
    public var serviceArea: ServiceArea
    public var specialties: [String]
    public var turnaroundDays: Int
    public var followUpLimit: Int

    public init(serviceArea: ServiceArea, specialties: [String], turnaroundDays: Int, followUpLimit: Int) {
        self.serviceArea = serviceArea
        self.specialties = specialties
        self.turnaroundDays = turnaroundDays
        self.followUpLimit = followUpLimit
    }

    public static let turnaroundRange = 1...90
    public static let followUpRange = 0...20
    public static let maxSpecialties = 60

    /// The settings form as typed: country codes separated by commas or spaces, the U.S.
    /// states ticked as not served, one specialty per line, and two numbers.
    public struct Form: Sendable, Equatable {
        public var countries: String
        public var excludedStates: [String]
        public var specialties: String
        public var turnaroundDays: String
        public var followUpLimit: String

        public init(countries: String, excludedStates: [String], specialties: String, turnaroundDays: String, followUpLimit: String) {
            self.countries = countries
            self.excludedStates = excludedStates
            self.specialties = specialties
            self.turnaroundDays = turnaroundDays
            self.followUpLimit = followUpLimit
        }

        /// The form filled in from the settings in force.
        public init(_ settings: ServiceSettings) {
            self.countries = settings.serviceArea.countries.sorted().joined(separator: ", ")
            self.excludedStates = settings.serviceArea.excludedUSStates.sorted()
            self.specialties = settings.specialties.joined(separator: "\n")
            self.turnaroundDays = String(settings.turnaroundDays)
            self.followUpLimit = String(settings.followUpLimit)
        }
    }

    /// The form's field names, for errors shown beside them.
    public enum Field: String, Sendable {
        case countries, excludedStates = "excluded_states", specialties, turnaroundDays = "turnaround_days", followUpLimit =
            "follow_up_limit"
    }

    /// Checks a whole form: the settings it means, or every field's problem at once.
    public static func parse(_ form: Form) -> Result<ServiceSettings, FieldErrors> {
        var errors: [Field: String] = [:]
        let typedCountries = form.countries.uppercased().split { $0 == "," || $0.isWhitespace }.map(String.init)
        let unknown = typedCountries.filter { !Country.codes.contains($0) }
        if typedCountries.isEmpty {
            errors[.countries] = "Enter at least one country, as its two-letter code (for example US)."
        } else if !unknown.isEmpty {
            errors[.countries] = "These are not two-letter country codes: \(unknown.joined(separator: ", "))."
        }
        let states = Set(form.excludedStates.map { $0.uppercased() })
        if !states.isSubset(of: USState.codes) { errors[.excludedStates] = "Choose states from the list." }

        var seen = Set<String>()
        var specialties: [String] = []
        for line in form.specialties.split(whereSeparator: \.isNewline) {
            let name = line.trimmingCharacters(in: .whitespaces).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !name.isEmpty else { continue }
            if name.count > 80 || name.count < 3 {
                errors[.specialties] = "Each specialty needs 3 to 80 characters: \"\(String(name.prefix(40)))\" does not fit."
            } else if !seen.insert(name.lowercased()).inserted {
                errors[.specialties] = "\"\(name)\" is listed twice."
            }
            specialties.append(name)
        }
        if specialties.isEmpty { errors[.specialties] = "List at least one specialty, one per line." }
        if specialties.count > maxSpecialties { errors[.specialties] = "List at most \(maxSpecialties) specialties." }

        let turnaround = Int(form.turnaroundDays.trimmingCharacters(in: .whitespaces))
        if turnaround.map(turnaroundRange.contains) != true {
            errors[.turnaroundDays] = "Enter a whole number of days from \(turnaroundRange.lowerBound) to \(turnaroundRange.upperBound)."
        }
        let followUps = Int(form.followUpLimit.trimmingCharacters(in: .whitespaces))
        if followUps.map(followUpRange.contains) != true {
            errors[.followUpLimit] = "Enter a whole number from \(followUpRange.lowerBound) to \(followUpRange.upperBound)."
        }
        guard errors.isEmpty, let turnaround, let followUps else { return .failure(FieldErrors(errors: errors)) }
        return .success(
            ServiceSettings(
                serviceArea: ServiceArea(countries: Set(typedCountries), excludedUSStates: states), specialties: specialties,
                turnaroundDays: turnaround, followUpLimit: followUps))
    }

    public struct FieldErrors: Error, Sendable, Equatable {
        public var errors: [Field: String]
    }

    /// What changed, in words without personal data, for the audit log.
    public func changes(to new: ServiceSettings) -> [String] {
        var changes: [String] = []
        let added = new.serviceArea.countries.subtracting(serviceArea.countries).sorted()
        let removed = serviceArea.countries.subtracting(new.serviceArea.countries).sorted()
        if !added.isEmpty { changes.append("countries added: \(added.joined(separator: " "))") }
        if !removed.isEmpty { changes.append("countries removed: \(removed.joined(separator: " "))") }
        let nowExcluded = new.serviceArea.excludedUSStates.subtracting(serviceArea.excludedUSStates).sorted()
        let nowServed = serviceArea.excludedUSStates.subtracting(new.serviceArea.excludedUSStates).sorted()
        if !nowExcluded.isEmpty { changes.append("states no longer served: \(nowExcluded.joined(separator: " "))") }
        if !nowServed.isEmpty { changes.append("states now served: \(nowServed.joined(separator: " "))") }
        if specialties != new.specialties { changes.append("specialties: \(new.specialties.joined(separator: "; "))") }
        if turnaroundDays != new.turnaroundDays { changes.append("turnaround days: \(turnaroundDays) → \(new.turnaroundDays)") }
        if followUpLimit != new.followUpLimit { changes.append("follow-up limit: \(followUpLimit) → \(new.followUpLimit)") }
        return changes
    }
}
