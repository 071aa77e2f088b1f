import Foundation

/// The traffic of an LLM workload and the shape of each request, for monthly projections.
///
/// A workload runs `sessionsPerDay` sessions (a single-turn workload has one step per
/// session). Step *k* of a session sends the system prompt, the retrieved context, the
/// user's message and — when ``carriesHistory`` — the whole history so far, (k − 1) ×
/// (user + tool output + visible output) tokens; so tokens per session grow quadratically
/// with steps, as an agent's do. The stable prefix (system prompt and history) is read
/// from the prompt cache at ``cacheHitRatio``. With an explicit cache policy
/// (``cacheWriteTTL``), cache writes are priced too, as providers with explicit caching
/// (Anthropic, Qwen's explicit cache, Doubao's context cache) bill them.
///
/// Traffic follows a 24-hour curve in ``timeZone``; weekends and public holidays run at
/// ``restDayRatio`` of a working day's traffic; volume grows by ``monthlyGrowth`` a month.
///
/// Profiles are `Codable` (decoding validates), so a team keeps its own in a file.
public struct WorkloadProfile: Hashable, Sendable, Codable {
  /// The largest token count a profile may give any part of a request.
  static let maximumTokensPerPart = 100_000_000

  /// A short name, such as `"customer-service"`.
  public var name: String
  /// Sessions (conversations, agent runs, single requests) on a working day.
  public var sessionsPerDay: Int
  /// Requests per session: turns of a conversation, steps of an agent.
  public var stepsPerSession: Int
  /// The system prompt, sent with every request.
  public var systemPromptTokens: Int
  /// The user's (or the orchestrator's) new message per step.
  public var userTokensPerStep: Int
  /// Retrieved documents sent with every request (RAG).
  public var retrievedContextTokens: Int
  /// Tool results added to the context after each step (agents).
  public var toolOutputTokensPerStep: Int
  /// Visible output per request.
  public var outputTokens: Int
  /// Reasoning tokens per request.
  public var reasoningTokens: Int
  /// Whether each step re-sends the conversation so far.
  public var carriesHistory: Bool
  /// The share (0…1) of the stable prefix (system prompt and history) read from cache.
  ///
  /// With ``cacheWriteTTL`` set, it is the share of the *system prompt* that is already
  /// warm when a session starts (shared by concurrent sessions); the history is read from
  /// the cache each step wrote.
  public var cacheHitRatio: FixedDecimal
  /// An explicit cache policy: how long written cache entries live, or `nil` for
  /// automatic caching that bills no writes.
  ///
  /// With a policy, each request marks its whole conversation as cacheable, as an agent
  /// framework does: step 1 writes the part of the system prompt that was not warm plus the
  /// user's message; step *k* reads everything up to the previous user message and writes
  /// what came since (the previous output and tool result, and the new message). Retrieved
  /// context, which differs by request, is never cached. Writes are billed at the
  /// offering's write price for that lifetime (the input price where none is published).
  public var cacheWriteTTL: CacheWriteTTL?
  /// The share (0…1) of requests sent through the batch API, where offered.
  public var batchShare: FixedDecimal
  /// 24 relative weights, hour 0 to 23 in ``timeZone``; they need not sum to 1.
  public var hourlyTraffic: [FixedDecimal]
  /// The IANA zone of the traffic curve.
  public var timeZone: String
  /// A rest day's traffic relative to a working day's (0…1 or more).
  public var restDayRatio: FixedDecimal
  /// The id of the holiday calendar that decides the workload's rest days (public holidays
  /// and make-up working days), such as `"CN"`; `nil` for weekends only.
  ///
  /// The projection resolves the id to the same calendar object the offering's price
  /// sheets use, so a year added to a catalog's calendar moves traffic and prices alike;
  /// an id no calendar has is an error, never a silent fallback to weekends.
  public var holidayCalendar: String?
  /// Monthly volume growth, such as 0.05 for 5% a month (≥ −1).
  public var monthlyGrowth: FixedDecimal
  /// The service tier every request uses, such as `"flex"` (``ServiceTier``).
  ///
  /// `nil` is standard. Projections price multiplier tiers; a tier with its own price list
  /// is an error there.
  public var serviceTier: String?
  /// The residency uplift every request uses, such as `"us"` (``PriceUplift``); `nil` for
  /// none.
  public var residency: String?
  /// Calls of provider-run tools per step, by fee name, such as `["web_search": 0.2]`
  /// (``ToolFee``); a month's free allowance is taken off the month's calls.
  public var toolCallsPerStep: [String: FixedDecimal] = [:]
  /// Tokens kept in an explicit cache (a shared prefix), billed per token-hour where the
  /// offering bills cache storage; 0 for none.
  public var cacheStorageTokens: Int = 0
  /// Hours a day the explicit cache is kept (0…24).
  public var cacheStorageHoursPerDay: FixedDecimal = .zero
  /// Why the numbers are what they are, for people.
  public var rationale: String

  /// Creates a validated profile.
  ///
  /// - Parameters:
  ///   - name: A short name.
  ///   - sessionsPerDay: Sessions on a working day, ≥ 0.
  ///   - stepsPerSession: Requests per session, ≥ 1.
  ///   - systemPromptTokens: System prompt tokens, ≥ 0.
  ///   - userTokensPerStep: New user tokens per step, ≥ 0.
  ///   - retrievedContextTokens: Retrieved tokens per request, ≥ 0.
  ///   - toolOutputTokensPerStep: Tool output tokens per step, ≥ 0.
  ///   - outputTokens: Visible output per request, ≥ 0.
  ///   - reasoningTokens: Reasoning tokens per request, ≥ 0.
  ///   - carriesHistory: Whether each step re-sends the history.
  ///   - cacheHitRatio: Cached share of the stable prefix, 0…1.
  ///   - cacheWriteTTL: An explicit cache policy's entry lifetime, or `nil`.
  ///   - batchShare: Share of batch requests, 0…1.
  ///   - hourlyTraffic: 24 non-negative weights, not all zero.
  ///   - timeZone: The IANA zone of the curve.
  ///   - restDayRatio: Rest-day traffic relative to a working day, ≥ 0.
  ///   - holidayCalendar: The id of the calendar of rest days; `nil`, the default, picks
  ///     `"CN"` for a workload in `Asia/Shanghai` and none (weekends only) otherwise. Set
  ///     the property to `nil` afterwards for weekends only in Beijing time.
  ///   - monthlyGrowth: Growth per month, ≥ −1.
  ///   - rationale: Why the numbers are what they are.
  /// - Throws: ``PricingError/Code/invalidData`` naming the first value out of range.
  public init(
    name: String,
    sessionsPerDay: Int,
    stepsPerSession: Int = 1,
    systemPromptTokens: Int,
    userTokensPerStep: Int,
    retrievedContextTokens: Int = 0,
    toolOutputTokensPerStep: Int = 0,
    outputTokens: Int,
    reasoningTokens: Int = 0,
    carriesHistory: Bool = false,
    cacheHitRatio: FixedDecimal = .zero,
    cacheWriteTTL: CacheWriteTTL? = nil,
    batchShare: FixedDecimal = .zero,
    hourlyTraffic: [FixedDecimal] = Array(repeating: 1, count: 24),
    timeZone: String = "Asia/Shanghai",
    restDayRatio: FixedDecimal = 1,
    holidayCalendar: String? = nil,
    monthlyGrowth: FixedDecimal = .zero,
    rationale: String = ""
  ) throws {
    func invalid(_ message: String) -> PricingError {
      PricingError(.invalidData, "workload '\(name)': \(message)")
    }
    for (label, value) in [
      ("sessionsPerDay", sessionsPerDay), ("systemPromptTokens", systemPromptTokens),
      ("userTokensPerStep", userTokensPerStep), ("retrievedContextTokens", retrievedContextTokens),
      ("toolOutputTokensPerStep", toolOutputTokensPerStep), ("outputTokens", outputTokens),
      ("reasoningTokens", reasoningTokens),
    ] {
      guard value >= 0 else { throw invalid("\(label) is \(value); it cannot be negative") }
      // No model reads 100M tokens a request; the bound keeps step arithmetic in range.
      guard label == "sessionsPerDay" || value <= Self.maximumTokensPerPart else {
        throw invalid("\(label) is \(value); at most 100,000,000 tokens a request")
      }
    }
    guard (1...10_000).contains(stepsPerSession) else {
      throw invalid("stepsPerSession is \(stepsPerSession); use 1 to 10,000")
    }
    for (label, ratio) in [("cacheHitRatio", cacheHitRatio), ("batchShare", batchShare)]
    where ratio < .zero || ratio > 1 {
      throw invalid("\(label) is \(ratio); a share must be between 0 and 1")
    }
    guard hourlyTraffic.count == 24 else {
      throw invalid("hourlyTraffic has \(hourlyTraffic.count) values; give one per hour, 24")
    }
    guard hourlyTraffic.allSatisfy({ $0 >= .zero }), hourlyTraffic.contains(where: { $0 > .zero })
    else { throw invalid("hourlyTraffic must be non-negative and not all zero") }
    guard restDayRatio >= .zero else {
      throw invalid("restDayRatio is \(restDayRatio); it cannot be negative")
    }
    guard monthlyGrowth >= -1 else {
      throw invalid("monthlyGrowth is \(monthlyGrowth); it cannot be below −1 (−100%)")
    }
    guard TimeZone(identifier: timeZone) != nil else {
      throw PricingError(
        .unknownTimeZone,
        "workload '\(name)': '\(timeZone)' is not a known time zone"
      )
    }
    self.name = name
    self.sessionsPerDay = sessionsPerDay
    self.stepsPerSession = stepsPerSession
    self.systemPromptTokens = systemPromptTokens
    self.userTokensPerStep = userTokensPerStep
    self.retrievedContextTokens = retrievedContextTokens
    self.toolOutputTokensPerStep = toolOutputTokensPerStep
    self.outputTokens = outputTokens
    self.reasoningTokens = reasoningTokens
    self.carriesHistory = carriesHistory
    self.cacheHitRatio = cacheHitRatio
    self.cacheWriteTTL = cacheWriteTTL
    self.batchShare = batchShare
    self.hourlyTraffic = hourlyTraffic
    self.timeZone = timeZone
    self.restDayRatio = restDayRatio
    self.holidayCalendar = holidayCalendar ?? Self.defaultHolidayCalendar(timeZone: timeZone)
    self.monthlyGrowth = monthlyGrowth
    self.rationale = rationale
  }

  /// The calendar a workload gets when none is named: China's for Beijing time.
  static func defaultHolidayCalendar(timeZone: String) -> String? {
    timeZone == "Asia/Shanghai" ? "CN" : nil
  }

  /// A profile with no traffic, valid by construction.
  init(uncheckedEmptyNamed name: String) {
    self.name = name
    sessionsPerDay = 0
    stepsPerSession = 1
    systemPromptTokens = 0
    userTokensPerStep = 0
    retrievedContextTokens = 0
    toolOutputTokensPerStep = 0
    outputTokens = 0
    reasoningTokens = 0
    carriesHistory = false
    cacheHitRatio = .zero
    cacheWriteTTL = nil
    batchShare = .zero
    hourlyTraffic = Array(repeating: 1, count: 24)
    timeZone = "UTC"
    restDayRatio = 1
    holidayCalendar = nil
    monthlyGrowth = .zero
    rationale = ""
  }

  /// The usage of step `step` (1-based) of a session: input grows with the history when
  /// ``carriesHistory``; the cached part is the cache-hit share of the stable prefix,
  /// rounded down to whole tokens.
  ///
  /// - Parameter step: The step, from 1 to ``stepsPerSession``.
  /// - Returns: The step's tokens.
  /// - Throws: ``PricingError/Code/invalidUsage`` when a count overflows.
  public func usage(ofStep step: Int) throws -> TokenUsage {
    if let cacheWriteTTL { return try explicitlyCachedUsage(ofStep: step, ttl: cacheWriteTTL) }
    let history =
      carriesHistory ? (step - 1) * (userTokensPerStep + toolOutputTokensPerStep + outputTokens) : 0
    let prefix = systemPromptTokens + history
    let cached =
      Int((try FixedDecimal(prefix) * cacheHitRatio).rounded(toPlaces: 0, .down).description) ?? 0
    let input = prefix + retrievedContextTokens + userTokensPerStep
    return try TokenUsage(
      uncachedInput: input - cached,
      cacheRead: cached,
      output: outputTokens,
      reasoning: reasoningTokens
    )
  }

  private func explicitlyCachedUsage(ofStep step: Int, ttl: CacheWriteTTL) throws -> TokenUsage {
    let warmSystem =
      Int(
        (try FixedDecimal(systemPromptTokens) * cacheHitRatio).rounded(toPlaces: 0, .down)
          .description
      ) ?? 0
    let read: Int
    let written: Int
    if step > 1 && carriesHistory {
      // Cached by step k − 1: the system prompt, the steps before it and its user message.
      let block = userTokensPerStep + toolOutputTokensPerStep + outputTokens
      read = systemPromptTokens + (step - 2) * block + userTokensPerStep
      written = toolOutputTokensPerStep + outputTokens + userTokensPerStep
    } else if step > 1 {
      // Step 1 warmed the system prompt; nothing of the earlier steps is re-sent.
      read = systemPromptTokens
      written = userTokensPerStep
    } else {
      read = warmSystem
      written = systemPromptTokens - warmSystem + userTokensPerStep
    }
    return try TokenUsage(
      uncachedInput: retrievedContextTokens,
      cacheRead: read,
      cacheWrite: ttl == .fiveMinutes ? written : 0,
      cacheWrite1h: ttl == .oneHour ? written : 0,
      output: outputTokens,
      reasoning: reasoningTokens
    )
  }

  private enum CodingKeys: String, CodingKey {
    case name, sessionsPerDay, stepsPerSession, systemPromptTokens, userTokensPerStep
    case retrievedContextTokens, toolOutputTokensPerStep, outputTokens, reasoningTokens
    case carriesHistory, cacheHitRatio, cacheWriteTTL, batchShare, hourlyTraffic, timeZone,
      restDayRatio, holidayCalendar
    case monthlyGrowth, rationale, serviceTier, residency, toolCallsPerStep
    case cacheStorageTokens, cacheStorageHoursPerDay
  }

  /// Decodes a profile through the validating initializer; optional keys take the
  /// initializer's defaults.
  ///
  /// `holidayCalendar` absent takes the default for the zone (`"CN"` in Beijing time);
  /// `null` means weekends only.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path of a bad value.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self = try decoder.validated {
      try Self(
        name: c.decode(String.self, forKey: .name),
        sessionsPerDay: c.decode(Int.self, forKey: .sessionsPerDay),
        stepsPerSession: c.decodeIfPresent(Int.self, forKey: .stepsPerSession) ?? 1,
        systemPromptTokens: c.decodeIfPresent(Int.self, forKey: .systemPromptTokens) ?? 0,
        userTokensPerStep: c.decodeIfPresent(Int.self, forKey: .userTokensPerStep) ?? 0,
        retrievedContextTokens: c.decodeIfPresent(Int.self, forKey: .retrievedContextTokens) ?? 0,
        toolOutputTokensPerStep: c.decodeIfPresent(Int.self, forKey: .toolOutputTokensPerStep) ?? 0,
        outputTokens: c.decode(Int.self, forKey: .outputTokens),
        reasoningTokens: c.decodeIfPresent(Int.self, forKey: .reasoningTokens) ?? 0,
        carriesHistory: c.decodeIfPresent(Bool.self, forKey: .carriesHistory) ?? false,
        cacheHitRatio: c.decodeIfPresent(FixedDecimal.self, forKey: .cacheHitRatio) ?? .zero,
        cacheWriteTTL: c.decodeIfPresent(CacheWriteTTL.self, forKey: .cacheWriteTTL),
        batchShare: c.decodeIfPresent(FixedDecimal.self, forKey: .batchShare) ?? .zero,
        hourlyTraffic: c.decodeIfPresent([FixedDecimal].self, forKey: .hourlyTraffic)
          ?? Array(repeating: 1, count: 24),
        timeZone: c.decodeIfPresent(String.self, forKey: .timeZone) ?? "Asia/Shanghai",
        restDayRatio: c.decodeIfPresent(FixedDecimal.self, forKey: .restDayRatio) ?? 1,
        monthlyGrowth: c.decodeIfPresent(FixedDecimal.self, forKey: .monthlyGrowth) ?? .zero,
        rationale: c.decodeIfPresent(String.self, forKey: .rationale) ?? ""
      )
    }
    if c.contains(.holidayCalendar) {
      holidayCalendar = try c.decodeIfPresent(String.self, forKey: .holidayCalendar)
    }
    serviceTier = try c.decodeIfPresent(String.self, forKey: .serviceTier)
    residency = try c.decodeIfPresent(String.self, forKey: .residency)
    toolCallsPerStep =
      try c.decodeIfPresent([String: FixedDecimal].self, forKey: .toolCallsPerStep) ?? [:]
    cacheStorageTokens = try c.decodeIfPresent(Int.self, forKey: .cacheStorageTokens) ?? 0
    cacheStorageHoursPerDay =
      try c.decodeIfPresent(FixedDecimal.self, forKey: .cacheStorageHoursPerDay) ?? .zero
    guard cacheStorageTokens >= 0, cacheStorageHoursPerDay >= .zero,
      cacheStorageHoursPerDay <= FixedDecimal(24)
    else {
      throw DecodingError.dataCorruptedError(
        forKey: .cacheStorageHoursPerDay,
        in: c,
        debugDescription: "cache storage of \(cacheStorageTokens) tokens for "
          + "\(cacheStorageHoursPerDay) hours a day: give tokens ≥ 0 and 0 to 24 hours"
      )
    }
    for (name, calls) in toolCallsPerStep where calls < .zero {
      throw DecodingError.dataCorruptedError(
        forKey: .toolCallsPerStep,
        in: c,
        debugDescription: "\(calls) '\(name)' calls per step; a call rate cannot be negative"
      )
    }
  }

  /// Encodes every field; `holidayCalendar` is written as `null` when there is none, so a
  /// profile reads back as it was.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(name, forKey: .name)
    try c.encode(sessionsPerDay, forKey: .sessionsPerDay)
    try c.encode(stepsPerSession, forKey: .stepsPerSession)
    try c.encode(systemPromptTokens, forKey: .systemPromptTokens)
    try c.encode(userTokensPerStep, forKey: .userTokensPerStep)
    try c.encode(retrievedContextTokens, forKey: .retrievedContextTokens)
    try c.encode(toolOutputTokensPerStep, forKey: .toolOutputTokensPerStep)
    try c.encode(outputTokens, forKey: .outputTokens)
    try c.encode(reasoningTokens, forKey: .reasoningTokens)
    try c.encode(carriesHistory, forKey: .carriesHistory)
    try c.encode(cacheHitRatio, forKey: .cacheHitRatio)
    try c.encodeIfPresent(cacheWriteTTL, forKey: .cacheWriteTTL)
    try c.encode(batchShare, forKey: .batchShare)
    try c.encode(hourlyTraffic, forKey: .hourlyTraffic)
    try c.encode(timeZone, forKey: .timeZone)
    try c.encode(restDayRatio, forKey: .restDayRatio)
    try c.encode(holidayCalendar, forKey: .holidayCalendar)
    try c.encode(monthlyGrowth, forKey: .monthlyGrowth)
    try c.encode(rationale, forKey: .rationale)
    try c.encodeIfPresent(serviceTier, forKey: .serviceTier)
    try c.encodeIfPresent(residency, forKey: .residency)
    if !toolCallsPerStep.isEmpty { try c.encode(toolCallsPerStep, forKey: .toolCallsPerStep) }
    if cacheStorageTokens != 0 {
      try c.encode(cacheStorageTokens, forKey: .cacheStorageTokens)
      try c.encode(cacheStorageHoursPerDay, forKey: .cacheStorageHoursPerDay)
    }
  }
}

extension WorkloadProfile {
  /// Decodes a workload file strictly: an unknown key (a misspelt `cacheHitRatio`, say) or
  /// a duplicate one is refused with its key path and the closest known key.
  ///
  /// - Parameter data: The JSON bytes.
  /// - Returns: The validated profile.
  /// - Throws: ``PricingError/Code/invalidData`` naming the key path and what is wrong.
  public static func decode(from data: Data) throws -> WorkloadProfile {
    try StrictJSONDecoder().decode(WorkloadProfile.self, from: data)
  }
}

extension WorkloadProfile {
  /// How long an explicitly written cache entry lives, which sets its write price.
  public enum CacheWriteTTL: String, Hashable, Sendable, Codable, CaseIterable {
    /// The default lifetime (five minutes at Anthropic), billed at the cache-write price.
    case fiveMinutes = "5m"
    /// A one-hour lifetime, billed at the one-hour cache-write price.
    case oneHour = "1h"
  }
}
