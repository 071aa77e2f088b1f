import Foundation

/// A compact description of one built-in offering: a model, a provider, a region and
/// currency, and dated price periods.
///
/// Built-in provider files describe their data with these values and call
/// ``offering()``, which validates everything through the public initializers and throws
/// the first problem; ``Catalog/makeBuiltIn()`` collects them, and the tests call it.
struct OfferingSpec {
  var model: Model
  var provider: Provider
  var region: String
  var currency: Currency
  var periods: [PeriodSpec]
  /// When the offering stopped being sold, as an ISO 8601 instant, if it has.
  var retiredAt: String? = nil
  /// The replacement the provider names, and where the retirement was announced.
  var successor: String? = nil
  var retirementSource: String? = nil

  func offering() throws -> Offering {
    var entries: [PriceSchedule.Entry] = []
    for period in periods {
      entries.append(try period.entry(currency: currency))
    }
    let retired = try retiredAt.map { try BuiltInData.instant($0) }
    do {
      return Offering(
        model: model,
        provider: provider,
        region: region,
        schedule: try PriceSchedule(
          entries: entries,
          retiredAt: retired,
          successor: successor,
          retirementSource: retirementSource
        )
      )
    } catch let error as PricingError {
      throw PricingError(error.code, "\(provider.id)/\(model.id)@\(currency): \(error.message)")
    }
  }
}

extension OfferingSpec {
  /// The offering with a retirement: the instant, the successor the provider names, and
  /// where the retirement was announced (with a note when only the date was given).
  func retiring(at instant: String, successor: String?, source: String) -> OfferingSpec {
    var copy = self
    copy.retiredAt = instant
    copy.successor = successor
    copy.retirementSource = source
    return copy
  }
}

/// One dated period of an offering's prices, with its source.
struct PeriodSpec {
  /// When the prices took effect, as an ISO 8601 instant such as `"2025-02-08T16:00:00Z"`.
  var from: String
  /// The tiers, ascending; one tier for flat pricing.
  var tiers: [TierSpec]
  /// Time-of-day windows, if any.
  var windows: [TimeWindow] = []
  /// The IANA zone of the windows.
  var timeZone: String = "UTC"
  /// The holiday calendar, for windows on working days.
  var holidayCalendar: HolidayCalendar? = nil
  /// The batch multiplier, such as `"0.5"`, when batch is offered.
  var batch: String? = nil
  /// Free tokens per model and the days they stay valid.
  var freeTokens: Int? = nil
  var freeDays: Int? = nil
  /// Where the prices were read, the day the source showed them, and how far to trust it.
  var source: String
  var observed: String
  var confidence: Provenance.Confidence
  var note: String? = nil

  func entry(currency: Currency) throws -> PriceSchedule.Entry {
    let quota = try freeTokens.map { try FreeQuota(tokens: $0, validityDays: freeDays ?? 1) }
    do {
      return PriceSchedule.Entry(
        effectiveFrom: try BuiltInData.instant(from),
        sheet: try PriceSheet(
          currency: currency,
          tiers: try tiers.map { try $0.tier() },
          windows: windows,
          timeZone: timeZone,
          holidayCalendar: holidayCalendar,
          batchMultiplier: try batch.map { try FixedDecimal($0) },
          freeQuota: quota
        ),
        provenance: Provenance(
          source: source,
          observed: try CalendarDay(observed),
          confidence: confidence,
          note: note
        )
      )
    } catch let error as PricingError {
      throw PricingError(error.code, "period from \(from): \(error.message)")
    }
  }
}

/// One tier: its size bounds and its prices per million tokens, as decimal strings.
struct TierSpec {
  var name: String? = nil
  var input: TokenRange = .all
  var output: TokenRange? = nil
  /// Fresh input (cache miss).
  var miss: String
  /// Cache read (hit); `nil` bills hits as misses.
  var hit: String? = nil
  /// Cache write, default lifetime; `nil` bills writes as misses.
  var write: String? = nil
  /// One-hour cache write; `nil` bills them as default writes.
  var write1h: String? = nil
  /// Visible output.
  var out: String
  /// Reasoning output when priced apart; `nil` bills it as output.
  var reasoning: String? = nil
  /// A fee per request, if any.
  var perRequest: String? = nil

  func tier() throws -> PriceTier {
    func price(_ text: String?) throws -> FixedDecimal? { try text.map { try FixedDecimal($0) } }
    return PriceTier(
      name: name,
      input: input,
      output: output,
      prices: ComponentPrices(
        input: try FixedDecimal(miss),
        cacheRead: try price(hit),
        cacheWrite: try price(write),
        cacheWrite1h: try price(write1h),
        output: try FixedDecimal(out),
        reasoning: try price(reasoning),
        perRequest: try price(perRequest)
      )
    )
  }
}
