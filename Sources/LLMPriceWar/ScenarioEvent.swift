import Foundation
import LLMPricing

/// Something that happens to one offering in one month of a price-war scenario: a cut,
/// a new price, matching a competitor, a floor, a free tier, an exit or an entry.
///
/// Prices are effective prices per million tokens for the scenario's workload, in the
/// offering's own currency (see ``ScenarioOffering``). In JSON an event names its month,
/// its offering and exactly one action:
///
/// ```json
/// {"month": "2024-05", "offering": "bytedance/doubao-pro-32k@CNY", "cut": "0.5"}
/// {"month": "2024-06", "offering": "alibaba/qwen-plus@CNY",
///  "follow": {"leaders": ["bytedance/doubao-pro-32k@CNY"], "lag": 1, "discount": "0"}}
/// ```
public struct ScenarioEvent: Hashable, Sendable, Codable {
  /// What the event does.
  public enum Action: Hashable, Sendable {
    /// Cuts the price by a fraction: `0.5` halves it, `1` makes it free.
    case cut(FixedDecimal)
    /// Raises the price by a fraction: `0.2` is 20% more.
    case raise(FixedDecimal)
    /// Sets the effective price per million tokens, in the offering's currency.
    case setPrice(FixedDecimal)
    /// Matches the leaders: from `lag` months after this month on, the offering's price
    /// in a month is at most the cheapest leader's reporting price of `lag` months before
    /// (converted at this month's rate), less `discount`. A follower takes `lag` months to
    /// answer, so a leader's cut in month M reaches it in month M + lag. Leaders empty means
    /// every other offering in the same segment.
    case follow(leaders: [String], lag: Int, discount: FixedDecimal)
    /// From this month on, never prices below this price per million tokens (marginal
    /// cost); a price already below it rises to it.
    case floor(FixedDecimal)
    /// Gives every buyer this many free tokens a month; `0` ends a free tier.
    case freeTier(tokensPerMonth: Int)
    /// The offering leaves the market (an API closing to a region, a retirement); its
    /// buyers move to the listed offerings in proportion to their shares, or to the
    /// cheapest in its segment when none are listed.
    case exit(migrateTo: [String])
    /// The offering enters the market and takes this share, from the others in
    /// proportion to theirs.
    case enter(share: FixedDecimal)
    /// New demand arrives at the offering: its volume grows by this fraction, the
    /// others' volumes are unchanged (a migration wave, a viral launch).
    case surge(FixedDecimal)

    /// The JSON key of the action.
    public var name: String {
      switch self {
      case .cut: "cut"
      case .raise: "raise"
      case .setPrice: "setPrice"
      case .follow: "follow"
      case .floor: "floor"
      case .freeTier: "freeTier"
      case .exit: "exit"
      case .enter: "enter"
      case .surge: "surge"
      }
    }
  }

  /// The month the event takes effect (for the whole month).
  public var month: YearMonth
  /// The offering's ``ScenarioOffering/id``.
  public var offering: String
  /// What happens.
  public var action: Action
  /// A name for the event, so an ``Uncertainty`` can refer to it as `events[name]`.
  public var id: String?
  /// Why: a source, or the assumption.
  public var note: String?

  /// Creates an event.
  ///
  /// - Parameters:
  ///   - month: The month it takes effect.
  ///   - offering: The offering's scenario id.
  ///   - action: What happens.
  ///   - id: A name for uncertainties to refer to, if any.
  ///   - note: A source or an assumption, if any.
  public init(
    _ month: YearMonth,
    _ offering: String,
    _ action: Action,
    id: String? = nil,
    note: String? = nil
  ) {
    self.month = month
    self.offering = offering
    self.action = action
    self.id = id
    self.note = note
  }

  private enum CodingKeys: String, CodingKey {
    case month, offering, id, note
    case cut, raise, setPrice, follow, floor, freeTier, exit, enter, surge
  }

  private struct Follow: Codable {
    var leaders: [String]?
    var lag: Int?
    var discount: FixedDecimal?
  }

  private struct Exit: Codable {
    var migrateTo: [String]?
  }

  private struct Enter: Codable {
    var share: FixedDecimal?
  }

  /// Decodes an event with exactly one action key.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path when no action or several are given.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    month = try container.decode(YearMonth.self, forKey: .month)
    offering = try container.decode(String.self, forKey: .offering)
    id = try container.decodeIfPresent(String.self, forKey: .id)
    note = try container.decodeIfPresent(String.self, forKey: .note)
    let actionKeys: [CodingKeys] = [
      .cut, .raise, .setPrice, .follow, .floor, .freeTier, .exit, .enter, .surge,
    ]
    let present = actionKeys.filter { container.contains($0) }
    guard present.count == 1, let key = present.first else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription: present.isEmpty
            ? "the event has no action; add one of "
              + actionKeys.map(\.stringValue).joined(separator: ", ")
            : "the event has several actions (\(present.map(\.stringValue).joined(separator: ", "))); "
              + "give one per event"
        )
      )
    }
    switch key {
    case .cut: action = .cut(try container.decode(FixedDecimal.self, forKey: .cut))
    case .raise: action = .raise(try container.decode(FixedDecimal.self, forKey: .raise))
    case .setPrice: action = .setPrice(try container.decode(FixedDecimal.self, forKey: .setPrice))
    case .floor: action = .floor(try container.decode(FixedDecimal.self, forKey: .floor))
    case .surge: action = .surge(try container.decode(FixedDecimal.self, forKey: .surge))
    case .freeTier:
      action = .freeTier(tokensPerMonth: try container.decode(Int.self, forKey: .freeTier))
    case .follow:
      let follow = try container.decode(Follow.self, forKey: .follow)
      action = .follow(
        leaders: follow.leaders ?? [],
        lag: follow.lag ?? 0,
        discount: follow.discount ?? .zero
      )
    case .exit:
      action = .exit(migrateTo: try container.decode(Exit.self, forKey: .exit).migrateTo ?? [])
    default:
      action = .enter(share: try container.decode(Enter.self, forKey: .enter).share ?? .zero)
    }
  }

  /// Encodes the event with its one action key.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(month, forKey: .month)
    try container.encode(offering, forKey: .offering)
    try container.encodeIfPresent(id, forKey: .id)
    try container.encodeIfPresent(note, forKey: .note)
    switch action {
    case .cut(let fraction): try container.encode(fraction, forKey: .cut)
    case .raise(let fraction): try container.encode(fraction, forKey: .raise)
    case .setPrice(let price): try container.encode(price, forKey: .setPrice)
    case .floor(let price): try container.encode(price, forKey: .floor)
    case .surge(let fraction): try container.encode(fraction, forKey: .surge)
    case .freeTier(let tokens): try container.encode(tokens, forKey: .freeTier)
    case .follow(let leaders, let lag, let discount):
      try container.encode(Follow(leaders: leaders, lag: lag, discount: discount), forKey: .follow)
    case .exit(let migrateTo): try container.encode(Exit(migrateTo: migrateTo), forKey: .exit)
    case .enter(let share): try container.encode(Enter(share: share), forKey: .enter)
    }
  }
}
