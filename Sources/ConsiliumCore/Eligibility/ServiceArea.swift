/// Where the service may take a case: a set of countries, and within the United States every
/// state except those listed. Both lists are configuration, edited by the operator.
public struct ServiceArea: Sendable, Equatable {
    /// ISO 3166-1 alpha-2 codes of the countries served, upper-case.
    public var countries: Set<String>
    /// U.S. postal codes of the states that are not served, upper-case.
    public var excludedUSStates: Set<String>

    public init(countries: Set<String>, excludedUSStates: Set<String>) {
        self.countries = Set(countries.map { $0.uppercased() })
        self.excludedUSStates = Set(excludedUSStates.map { $0.uppercased() })
    }

    /// Whether a patient living in `country` (and `state`, for the United States) can be served.
    public func serves(country: String, state: String?) -> Bool {
        let country = country.uppercased()
        guard countries.contains(country) else { return false }
        guard country == "US" else { return true }
        guard let state = state?.uppercased(), USState.codes.contains(state) else { return false }
        return !excludedUSStates.contains(state)
    }
}
