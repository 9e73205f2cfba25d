import ConsiliumCore

/// The parts of every page that come from configuration.
struct SiteContext: Sendable {
    let institutionName: String
    let serviceName: String
    /// The service's number as configured, for reading.
    let servicePhone: String
    /// The same number in E.164, for `tel:` links.
    let servicePhoneLink: String
    /// Whether the development mailbox link is shown (development only).
    let showDevelopmentMailbox: Bool

    init(institutionName: String, serviceName: String, servicePhone: String, showDevelopmentMailbox: Bool) {
        self.institutionName = institutionName
        self.serviceName = serviceName
        self.servicePhone = servicePhone
        servicePhoneLink = (try? PhoneNumber(servicePhone).e164) ?? servicePhone.filter { $0.isNumber || $0 == "+" }
        self.showDevelopmentMailbox = showDevelopmentMailbox
    }
}

extension SiteContext {
    /// How every notice ends: who sent it and the number to call.
    var mailSignature: String {
        "\n\(serviceName)\n\(institutionName)\n\(servicePhone)\n"
    }
}
