/// The prices of each billed component, per one million tokens, in a sheet's currency.
///
/// A `nil` component is billed at the price it falls back to: cache reads and writes at
/// the input price (no discount, no surcharge), one-hour cache writes at the
/// default-lifetime write price, and reasoning at the output price. ``thinkingOutput`` is
/// the price of the whole output (visible and reasoning) of a request that runs in thinking
/// mode, where a provider bills that mode apart; a request is in thinking mode when it
/// reports reasoning tokens, or when ``RequestOptions/thinking`` says so.
///
/// ```swift
/// let v3 = ComponentPrices(
///   input: try FixedDecimal("2"), cacheRead: try FixedDecimal("0.5"),
///   output: try FixedDecimal("8"))
/// ```
public struct ComponentPrices: Hashable, Sendable, Codable {
  /// Fresh input (cache miss), per million tokens.
  public var input: FixedDecimal
  /// Cache reads (hits), per million tokens; `nil` bills them as ``input``.
  public var cacheRead: FixedDecimal?
  /// Cache writes with the default lifetime, per million tokens; `nil` bills them as ``input``.
  public var cacheWrite: FixedDecimal?
  /// One-hour cache writes, per million tokens; `nil` bills them as the default-lifetime writes.
  public var cacheWrite1h: FixedDecimal?
  /// Twelve-hour cache writes, per million tokens; `nil` when the provider sells none (such
  /// writes are then refused).
  public var cacheWrite12h: FixedDecimal?
  /// Visible output, per million tokens.
  public var output: FixedDecimal
  /// Reasoning output, per million tokens; `nil` bills it as ``output``.
  public var reasoning: FixedDecimal?
  /// A fee per request (not per million tokens); `nil` for none.
  public var perRequest: FixedDecimal?
  /// All output of a thinking-mode request (visible and reasoning), per million tokens;
  /// `nil` when thinking mode is not billed apart.
  public var thinkingOutput: FixedDecimal?

  /// Creates a set of component prices.
  ///
  /// - Parameters:
  ///   - input: Fresh input, per million tokens.
  ///   - cacheRead: Cache reads, per million tokens, or `nil` to bill them as input.
  ///   - cacheWrite: Default-lifetime cache writes, or `nil` to bill them as input.
  ///   - cacheWrite1h: One-hour cache writes, or `nil` to bill them as default writes.
  ///   - output: Visible output, per million tokens.
  ///   - reasoning: Reasoning output, or `nil` to bill it as output.
  ///   - perRequest: A fee per request, or `nil` for none.
  ///   - thinkingOutput: The output price of a thinking-mode request, or `nil` when the
  ///     mode is not billed apart.
  ///   - cacheWrite12h: Twelve-hour cache writes, or `nil` when not sold.
  public init(
    input: FixedDecimal,
    cacheRead: FixedDecimal? = nil,
    cacheWrite: FixedDecimal? = nil,
    cacheWrite1h: FixedDecimal? = nil,
    output: FixedDecimal,
    reasoning: FixedDecimal? = nil,
    perRequest: FixedDecimal? = nil,
    thinkingOutput: FixedDecimal? = nil,
    cacheWrite12h: FixedDecimal? = nil
  ) {
    self.input = input
    self.cacheRead = cacheRead
    self.cacheWrite = cacheWrite
    self.cacheWrite1h = cacheWrite1h
    self.output = output
    self.reasoning = reasoning
    self.perRequest = perRequest
    self.thinkingOutput = thinkingOutput
    self.cacheWrite12h = cacheWrite12h
  }

  /// The price actually billed for a component, after fallbacks.
  ///
  /// - Parameters:
  ///   - component: The component.
  ///   - thinking: Whether the request runs in thinking mode: output and reasoning then
  ///     bill at ``thinkingOutput`` when there is one.
  /// - Returns: Its price per million tokens, or per request for
  ///   ``CostComponent/requests`` (zero when there is no fee, and for twelve-hour writes
  ///   when none is sold: pricing refuses those before asking).
  public func effectivePrice(of component: CostComponent, thinking: Bool = false) -> FixedDecimal {
    if thinking, let thinkingOutput, component == .output || component == .reasoning {
      return thinkingOutput
    }
    switch component {
    case .input: return input
    case .cacheRead: return cacheRead ?? input
    case .cacheWrite: return cacheWrite ?? input
    case .cacheWrite1h: return cacheWrite1h ?? cacheWrite ?? input
    case .cacheWrite12h: return cacheWrite12h ?? .zero
    case .output: return output
    case .reasoning: return reasoning ?? output
    case .requests: return perRequest ?? .zero
    case .toolCalls, .cacheStorage: return .zero
    }
  }

  /// Returns every price multiplied by a factor, as a batch or off-peak discount does.
  ///
  /// - Parameter factor: The multiplier, such as 0.5.
  /// - Returns: The scaled prices; `nil` components stay `nil`, so fallbacks still apply.
  /// - Throws: ``PricingError/Code/overflow`` when a product is out of range.
  public func scaled(by factor: FixedDecimal) throws -> ComponentPrices {
    func scale(_ price: FixedDecimal?) throws -> FixedDecimal? {
      guard let price else { return nil }
      return try price * factor
    }
    return ComponentPrices(
      input: try input * factor,
      cacheRead: try scale(cacheRead),
      cacheWrite: try scale(cacheWrite),
      cacheWrite1h: try scale(cacheWrite1h),
      output: try output * factor,
      reasoning: try scale(reasoning),
      perRequest: try scale(perRequest),
      thinkingOutput: try scale(thinkingOutput),
      cacheWrite12h: try scale(cacheWrite12h)
    )
  }

  /// Every explicitly set price with its component, for validation.
  var explicitPrices: [(CostComponent, FixedDecimal)] {
    var prices: [(CostComponent, FixedDecimal)] = [(.input, input), (.output, output)]
    if let cacheRead { prices.append((.cacheRead, cacheRead)) }
    if let cacheWrite { prices.append((.cacheWrite, cacheWrite)) }
    if let cacheWrite1h { prices.append((.cacheWrite1h, cacheWrite1h)) }
    if let reasoning { prices.append((.reasoning, reasoning)) }
    if let perRequest { prices.append((.requests, perRequest)) }
    if let thinkingOutput { prices.append((.output, thinkingOutput)) }
    if let cacheWrite12h { prices.append((.cacheWrite12h, cacheWrite12h)) }
    return prices
  }
}
