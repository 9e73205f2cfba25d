/// Finding a person by the start of a name when the database compares case-sensitively
/// (PostgreSQL's LIKE): the spellings people store names in, for a prefix match on each.
public enum NameSearch {
    /// "ellis" → "ellis", "Ellis", "ELLIS"; what was typed is kept as it is.
    public static func spellings(_ typed: String) -> Set<String> {
        let capitalised = typed.prefix(1).uppercased() + typed.dropFirst().lowercased()
        return [typed, capitalised, typed.lowercased(), typed.uppercased()]
    }
}
