/// An error thrown by LLMPricing.
///
/// Every throwing API in the library throws this one type, so callers get ``code``
/// without casting. Match on ``code``; the ``message`` is for people, names the bad
/// value and says what to do, and may change between releases.
///
/// ```swift
/// let userInput = "1.2.3"
/// do {
///   _ = try FixedDecimal(userInput)
/// } catch let error as PricingError {
///   print(error.code)  // invalidNumber
/// }
/// ```
public struct PricingError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What kind of failure this is.
  public var code: Code
  /// A readable explanation that names the offending value and the fix.
  public var message: String

  /// Creates an error with a code and a message.
  ///
  /// - Parameters:
  ///   - code: The kind of failure.
  ///   - message: A readable explanation naming the value and the fix.
  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  /// The message, prefixed with the code in brackets.
  public var description: String { "[\(code)] \(message)" }
}

extension PricingError {
  /// A kind of failure.
  ///
  /// Codes are values, not enum cases, so new ones can be added without breaking
  /// callers' `switch` statements.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    private let name: String

    private init(_ name: String) { self.name = name }

    /// The code's name, such as `overflow`.
    public var description: String { name }

    /// A string is not a decimal number, or has more fractional digits than can be held.
    public static let invalidNumber = Code("invalidNumber")
    /// A result is outside the range an exact amount can hold.
    public static let overflow = Code("overflow")
    /// A division had a zero divisor.
    public static let divisionByZero = Code("divisionByZero")
    /// Two amounts in different currencies were combined without conversion.
    public static let currencyMismatch = Code("currencyMismatch")
    /// A currency code is not three uppercase ASCII letters, or its minor units are out of range.
    public static let invalidCurrency = Code("invalidCurrency")
    /// No exchange rate connects two currencies at the requested instant.
    public static let missingExchangeRate = Code("missingExchangeRate")
    /// An exchange rate is zero, negative, or converts a currency to itself.
    public static let invalidExchangeRate = Code("invalidExchangeRate")
    /// The newest usable exchange rate is older than the allowed age.
    public static let staleExchangeRate = Code("staleExchangeRate")
    /// A token count is negative, inconsistent, or overflows.
    public static let invalidUsage = Code("invalidUsage")
    /// A price sheet or schedule breaks a rule: overlapping tiers, unordered dates, and so on.
    public static let invalidPriceSheet = Code("invalidPriceSheet")
    /// No tier of the sheet covers the request's size.
    public static let noMatchingTier = Code("noMatchingTier")
    /// No price is in effect at the requested instant.
    public static let noPriceInEffect = Code("noPriceInEffect")
    /// Batch pricing was asked of an offering that has none.
    public static let batchNotOffered = Code("batchNotOffered")
    /// A date is outside the years a holiday calendar covers.
    public static let calendarOutOfRange = Code("calendarOutOfRange")
    /// A time zone identifier is not known to the system.
    public static let unknownTimeZone = Code("unknownTimeZone")
    /// A request is larger than the model's context window, so no offering can serve it.
    public static let contextWindowExceeded = Code("contextWindowExceeded")
    /// A model or offering id matches nothing in the catalog.
    public static let unknownModel = Code("unknownModel")
    /// A model is in the catalog, but no provider publishes its prices in the wanted
    /// currency; the message names the currencies it is published in.
    public static let currencyNotOffered = Code("currencyNotOffered")
    /// A value decoded from JSON or text breaks a rule of its type.
    public static let invalidData = Code("invalidData")
    /// A request names a service tier, residency or tool fee that the sheet in force does
    /// not sell; the message lists the ones it does.
    public static let unknownBillingOption = Code("unknownBillingOption")
    /// A stated cost assumption does not hold: ``CostAssumption/check()`` found the cost
    /// over budget; the message is the whole explanation.
    public static let assumptionFailed = Code("assumptionFailed")
  }
}

extension PricingError {
  /// The message of a ``PricingError``, or the description of any other error.
  static func message(of error: any Error) -> String {
    (error as? PricingError)?.message ?? "\(error)"
  }
}
