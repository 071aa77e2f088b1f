extension PriceSheet {
  /// The service tier a request names, or `nil` for the standard prices.
  ///
  /// - Parameter name: The tier's name, compared case-insensitively; `nil`, `standard`,
  ///   `default` and `auto` mean the standard prices.
  /// - Returns: The tier, or `nil` for standard.
  /// - Throws: ``PricingError/Code/unknownBillingOption`` listing the tiers the sheet sells.
  public func serviceTier(named name: String?) throws -> ServiceTier? {
    guard let name, !ServiceTier.standardNames.contains(name.lowercased()) else { return nil }
    if let tier = serviceTiers.first(where: { $0.name.lowercased() == name.lowercased() }) {
      return tier
    }
    throw PricingError(
      .unknownBillingOption,
      "service tier '\(name)' is not sold here; this sheet has "
        + (["standard"] + serviceTiers.map(\.name)).joined(separator: ", ")
    )
  }

  /// The residency uplift a request names, or `nil` for none.
  ///
  /// - Parameter name: The uplift's name, compared case-insensitively; `nil` and `global`
  ///   mean none.
  /// - Returns: The uplift, or `nil`.
  /// - Throws: ``PricingError/Code/unknownBillingOption`` listing the uplifts the sheet sells.
  public func uplift(named name: String?) throws -> PriceUplift? {
    guard let name, name.lowercased() != "global" else { return nil }
    if let uplift = uplifts.first(where: { $0.name.lowercased() == name.lowercased() }) {
      return uplift
    }
    throw PricingError(
      .unknownBillingOption,
      "residency '\(name)' is not sold here; this sheet has "
        + (["global"] + uplifts.map(\.name)).joined(separator: ", ")
    )
  }

  /// The fee of a named tool.
  ///
  /// - Parameter name: The fee's name, compared case-insensitively.
  /// - Returns: The fee.
  /// - Throws: ``PricingError/Code/unknownBillingOption`` listing the fees the sheet has.
  public func toolFee(named name: String) throws -> ToolFee {
    if let fee = toolFees.first(where: { $0.name.lowercased() == name.lowercased() }) {
      return fee
    }
    throw PricingError(
      .unknownBillingOption,
      "tool '\(name)' has no fee here; "
        + (toolFees.isEmpty
          ? "this sheet prices no tool calls"
          : "this sheet prices " + toolFees.map(\.name).joined(separator: ", "))
    )
  }
}
