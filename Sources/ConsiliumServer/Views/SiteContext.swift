/// The parts of every page that come from configuration.
struct SiteContext: Sendable {
    let institutionName: String
    let serviceName: String
    let servicePhone: String
    /// Whether the development mailbox link is shown (development only).
    let showDevelopmentMailbox: Bool
}
