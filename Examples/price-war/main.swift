// Builds a price war in code and plays it against a coding team's workload: DeepSeek cuts,
// Qwen follows a month later, a US flagship holds, and buyers switch when the saving is
// worth it. Prints the timeline, Monte Carlo bands over the uncertain parts, and which
// assumption moves the bill most.
import Foundation
import LLMPriceWar
import LLMPricing

let start = YearMonth("2026-12")
var war = Scenario(
  id: "price-war-example",
  title: "DeepSeek cuts, Qwen follows, Claude holds",
  summary: "An example built in code: every number below is an assumption, not a forecast.",
  start: start,
  months: 12,
  currency: .cny,
  workload: .coding,
  offerings: [
    ScenarioOffering(
      catalog: "deepseek/deepseek-flash@CNY",
      marginalCost: FixedDecimal("0.3"),
      share: FixedDecimal("0.4")
    ),
    ScenarioOffering(catalog: "alibaba/qwen-plus@CNY", share: FixedDecimal("0.4")),
    ScenarioOffering(catalog: "anthropic/claude-sonnet-4-6@USD"),
  ],
  market: MarketModel(
    volume: 2_000_000,
    growth: FixedDecimal("0.03"),
    elasticity: FixedDecimal("-1.1"),
    switching: SwitchingRule(
      threshold: FixedDecimal("0.15"),
      cost: 20_000,
      paybackMonths: 6,
      rate: FixedDecimal("0.1")
    )
  ),
  buyerOffering: "anthropic/claude-sonnet-4-6@USD"
)
war.events = [
  ScenarioEvent(
    try start.adding(months: 2),
    "deepseek/deepseek-flash@CNY",
    .cut(FixedDecimal("0.4")),
    id: "deepseek-cut"
  ),
  ScenarioEvent(
    try start.adding(months: 2),
    "deepseek/deepseek-flash@CNY",
    .floor(FixedDecimal("0.3"))
  ),
  ScenarioEvent(
    try start.adding(months: 2),
    "alibaba/qwen-plus@CNY",
    .follow(leaders: ["deepseek/deepseek-flash@CNY"], lag: 1, discount: .zero),
    id: "qwen-follows"
  ),
]
war.uncertainties = [
  Uncertainty(
    .event(.id("deepseek-cut"), .fraction),
    low: FixedDecimal("0.2"),
    high: FixedDecimal("0.6")
  ),
  Uncertainty(.event(.id("qwen-follows"), .lag), low: 0, high: 3),
  Uncertainty(.elasticity, low: FixedDecimal("-1.5"), high: FixedDecimal("-0.5")),
]

let simulation = try ScenarioSimulation(war)
let result = try simulation.run()
let bands = try await MonteCarlo(simulation).run(runs: 2_000, seed: 7, parallelism: 2)
let report = ScenarioReport(
  simulation: simulation,
  result: result,
  monteCarlo: bands,
  sensitivity: (.switchingBuyerBill, try simulation.sensitivity(of: .switchingBuyerBill))
)
print(report.text(), terminator: "")
