import Foundation

/// Currencies by their ISO 4217 code, named from the system's locale data (CLDR, through
/// Foundation): a document that writes `250,000 GBP` names « GBP » in its table of acronyms
/// without the programme declaring it.
public enum Currencies {
    /// The codes Foundation knows as in common use (`GBP`, `EUR`, `XOF`…).
    static let codes: Set<String> = Set(Locale.commonISOCurrencyCodes)

    /// The name of the currency whose code is `code` in `language`, first letter capitalised
    /// (« Livre sterling », “British Pound”); nil when `code` is not a currency code in common use.
    public static func name(of code: String, language: Language) -> String? {
        guard code.count == 3, codes.contains(code),
            let name = Locale(identifier: language == .fr ? "fr_FR" : "en_GB").localizedString(forCurrencyCode: code),
            !name.isEmpty, name != code
        else { return nil }
        return name.prefix(1).uppercased() + name.dropFirst()
    }
}
