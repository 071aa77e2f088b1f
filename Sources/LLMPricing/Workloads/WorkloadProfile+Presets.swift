extension WorkloadProfile {
  /// The preset workloads, by name.
  public static var presets: [String: WorkloadProfile] {
    var all: [String: WorkloadProfile] = [:]
    for preset in [customerService, coding, agents, rag, marketing, translation] {
      all[preset.name] = preset
    }
    return all
  }

  // Hourly curves (Beijing time). Weights, not shares: the projection normalises them.
  private static let dayPeak: [FixedDecimal] = [
    1, 1, 1, 1, 1, 1, 2, 3, 5, 6, 6, 6, 5, 5, 6, 6, 6, 5, 4, 4, 4, 3, 2, 1,
  ]
  private static let officeHours: [FixedDecimal] = [
    0, 0, 0, 0, 0, 0, 0, 1, 3, 6, 6, 6, 3, 5, 6, 6, 6, 5, 3, 2, 1, 1, 0, 0,
  ]

  /// Customer service: many short conversations, a large shared system prompt.
  public static let customerService = preset(
    name: "customer-service",
    sessionsPerDay: 20_000,
    stepsPerSession: 4,
    systemPromptTokens: 1_500,
    userTokensPerStep: 60,
    outputTokens: 120,
    carriesHistory: true,
    cacheHitRatio: "0.9",
    hourlyTraffic: dayPeak,
    restDayRatio: "0.8",
    rationale: "20,000 conversations a day of 4 turns, each turn re-sending the conversation. "
      + "A 1,500-token system prompt (policies, product facts) shared by every request, so 90% "
      + "of the stable prefix is a cache hit; short questions (60 tokens) and fixed-format "
      + "answers (120). Open 24/7 with a daytime peak; rest days at 80%."
  )

  /// A coding assistant: long repository context, high cache reuse, reasoning.
  public static let coding = preset(
    name: "coding",
    sessionsPerDay: 2_000,
    stepsPerSession: 8,
    systemPromptTokens: 3_000,
    userTokensPerStep: 200,
    retrievedContextTokens: 12_000,
    outputTokens: 600,
    reasoningTokens: 1_000,
    carriesHistory: true,
    cacheHitRatio: "0.85",
    hourlyTraffic: officeHours,
    restDayRatio: "0.15",
    rationale: "2,000 editing sessions a day of 8 requests; 12,000 tokens of repository files "
      + "and a 3,000-token system prompt per request; history re-sent, 85% of the stable "
      + "prefix cached; 600 tokens of code and 1,000 of reasoning per answer. Office hours, "
      + "rest days at 15%."
  )

  /// Agents: multi-step runs whose context grows with every tool result.
  public static let agents = preset(
    name: "agents",
    sessionsPerDay: 1_000,
    stepsPerSession: 12,
    systemPromptTokens: 2_000,
    userTokensPerStep: 100,
    toolOutputTokensPerStep: 800,
    outputTokens: 300,
    reasoningTokens: 500,
    carriesHistory: true,
    cacheHitRatio: "0.8",
    hourlyTraffic: officeHours,
    restDayRatio: "0.5",
    rationale: "1,000 agent runs a day of 12 steps; each step re-sends the system prompt "
      + "(2,000), the history and the tool results (800 a step), so input per run grows "
      + "quadratically with steps; 80% of the stable prefix cached; 300 tokens of action and "
      + "500 of reasoning per step."
  )

  /// Retrieval-augmented generation and document processing.
  public static let rag = preset(
    name: "rag",
    sessionsPerDay: 10_000,
    systemPromptTokens: 500,
    userTokensPerStep: 80,
    retrievedContextTokens: 6_000,
    outputTokens: 400,
    cacheHitRatio: "1",
    hourlyTraffic: officeHours,
    restDayRatio: "0.3",
    rationale: "10,000 questions a day over documents: 6,000 retrieved tokens that differ by "
      + "question (never cached) and a 500-token system prompt (cached); 400-token answers."
  )

  /// Marketing copywriting: long outputs, much of it not urgent.
  public static let marketing = preset(
    name: "marketing",
    sessionsPerDay: 3_000,
    systemPromptTokens: 800,
    userTokensPerStep: 300,
    outputTokens: 1_200,
    cacheHitRatio: "1",
    batchShare: "0.5",
    hourlyTraffic: officeHours,
    restDayRatio: "0.2",
    rationale: "3,000 briefs a day: an 800-token brand guide (cached), a 300-token brief, "
      + "1,200 tokens of copy; half of the volume is overnight batch work."
  )

  /// Translation: input and output of similar length, mostly batch.
  public static let translation = preset(
    name: "translation",
    sessionsPerDay: 5_000,
    systemPromptTokens: 300,
    userTokensPerStep: 1_500,
    outputTokens: 1_600,
    cacheHitRatio: "1",
    batchShare: "0.7",
    hourlyTraffic: officeHours,
    restDayRatio: "0.3",
    rationale: "5,000 documents a day of 1,500 source tokens, translated into 1,600; a "
      + "300-token glossary prompt (cached); 70% submitted as batch jobs."
  )

  private static func preset(
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
    cacheHitRatio: String,
    batchShare: String = "0",
    hourlyTraffic: [FixedDecimal],
    restDayRatio: String,
    rationale: String
  ) -> WorkloadProfile {
    // The presets are constants checked by the tests; an invalid edit yields an empty
    // workload there rather than a crash here.
    (try? WorkloadProfile(
      name: name,
      sessionsPerDay: sessionsPerDay,
      stepsPerSession: stepsPerSession,
      systemPromptTokens: systemPromptTokens,
      userTokensPerStep: userTokensPerStep,
      retrievedContextTokens: retrievedContextTokens,
      toolOutputTokensPerStep: toolOutputTokensPerStep,
      outputTokens: outputTokens,
      reasoningTokens: reasoningTokens,
      carriesHistory: carriesHistory,
      cacheHitRatio: FixedDecimal(cacheHitRatio),
      batchShare: FixedDecimal(batchShare),
      hourlyTraffic: hourlyTraffic,
      restDayRatio: FixedDecimal(restDayRatio),
      rationale: rationale
    )) ?? emptyPreset(name)
  }

  private static func emptyPreset(_ name: String) -> WorkloadProfile {
    WorkloadProfile(uncheckedEmptyNamed: name)
  }
}
