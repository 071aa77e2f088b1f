// llm-pricing-bench: prices generated usage records and prints records/s and ns/record.
//
//   swift run -c release llm-pricing-bench [--records N] [--emit-peer-records FILE]
//   swift run -c release llm-pricing-bench --ingest LOG.jsonl    (MB/s, see Benchmarks/ingest.sh)
//   swift run -c release llm-pricing-bench --projection          (full workload comparison)
//   swift run -c release llm-pricing-bench --scenario            (10,000 Monte Carlo runs)
//
// The mix exercises every rule on the hot path: effective-date lookups across DeepSeek's
// 2025–2026 history, its night window, its peak windows on China's working days (holiday
// table lookups), and a tiered sheet keyed on input and output length. With
// --emit-peer-records it also writes the DeepSeek chat/reasoner records as CSV and prices
// exactly those, so Benchmarks/run.sh can compare the Python peers on the same records.
import Foundation
import LLMPricing

struct Record {
  let schedule: Int
  let usage: TokenUsage
  let second: Int64
}

/// A deterministic generator, so every run prices the same records.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

func tieredSheet() throws -> PriceSchedule {
  // A Qwen-Plus-like cliff tier set with a Doubao-like output-length split on the first band.
  let small = TokenRange(upTo: 32_000)
  let short = TokenRange(upTo: 200)
  func prices(_ input: String, _ output: String) throws -> ComponentPrices {
    ComponentPrices(
      input: try FixedDecimal(input),
      cacheRead: FixedDecimal("0.16"),
      output: try FixedDecimal(output)
    )
  }
  let sheet = try PriceSheet(
    currency: .cny,
    tiers: [
      PriceTier(input: small, output: short, prices: try prices("0.8", "2")),
      PriceTier(input: small, output: short.next(to: nil), prices: try prices("0.8", "8")),
      PriceTier(input: small.next(to: 128_000), prices: try prices("1.2", "16")),
      PriceTier(
        input: small.next(to: 128_000).next(to: 1_000_000),
        prices: try prices("2.4", "24")
      ),
    ],
    batchMultiplier: FixedDecimal("0.5")
  )
  return try PriceSchedule(entries: [
    PriceSchedule.Entry(
      effectiveFrom: Date(timeIntervalSince1970: 1_704_067_200),
      sheet: sheet,
      provenance: Provenance(
        source: "https://example.com/benchmark",
        observed: CalendarDay("2024-01-01"),
        confidence: .official
      )
    )
  ])
}

func run(recordCount: Int, peerFile: String?) throws {
  let catalog = Catalog.builtIn
  func schedule(_ model: String, _ currency: Currency) throws -> PriceSchedule {
    try catalog.offering(model: model, currency: currency).schedule
  }
  // (schedule, first second, last second) for records to fall where each has prices.
  let windows: [(PriceSchedule, Int64, Int64)] = [
    (try schedule("deepseek-chat", .cny), 1_735_689_600, 1_784_851_200),  // 2025-01 → 2026-07-23
    (try schedule("deepseek-chat", .usd), 1_735_689_600, 1_784_851_200),
    (try schedule("deepseek-reasoner", .cny), 1_737_331_200, 1_784_851_200),
    // V4 from 2026-04-27 to 2026-12-31:
    (try schedule("deepseek-v4-flash", .cny), 1_777_248_000, 1_798_675_200),
    (try schedule("deepseek-v4-pro", .usd), 1_777_248_000, 1_798_675_200),
    (try schedule("deepseek-flash", .cny), 1_789_100_000, 1_798_675_200),
    (try tieredSheet(), 1_704_067_200, 1_798_675_200),
  ]
  let schedules = windows.map(\.0)
  var rng = SplitMix64(state: 2026)
  var records: [Record] = []
  records.reserveCapacity(recordCount)
  for _ in 0..<recordCount {
    let index = Int.random(in: 0..<windows.count, using: &rng)
    let (_, first, last) = windows[index]
    let input = Int.random(in: 100...200_000, using: &rng)
    let cached = Int.random(in: 0...input, using: &rng)
    let output = Int.random(in: 10...8_000, using: &rng)
    let usage = try TokenUsage(uncachedInput: input - cached, cacheRead: cached, output: output)
    records.append(
      Record(schedule: index, usage: usage, second: Int64.random(in: first...last, using: &rng))
    )
  }

  // Warm up, then time the total-only path over every record.
  var totals = [FixedDecimal](repeating: .zero, count: schedules.count)
  for record in records.prefix(10_000) {
    _ = try schedules[record.schedule].totalCost(
      of: record.usage,
      atSecondsSince1970: record.second
    )
  }
  let clock = ContinuousClock()
  // Baseline: read every record without pricing it, to separate memory traffic from pricing.
  let baselineStart = clock.now
  var tokenSum = 0
  for record in records {
    tokenSum &+= record.usage.totalInput &+ Int(record.second) &+ record.schedule
  }
  let baseline = clock.now - baselineStart
  let start = clock.now
  for record in records {
    let cost = try schedules[record.schedule].totalCost(
      of: record.usage,
      atSecondsSince1970: record.second
    )
    totals[record.schedule] = try totals[record.schedule] + cost
  }
  let elapsed = clock.now - start
  let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  print(
    "records: \(records.count), schedules: \(schedules.count) (tiers, windows, holidays, dated entries)"
  )
  print(
    String(
      format: "total-only:  %.1f M records/s, %.1f ns/record (one core)",
      Double(records.count) / seconds / 1e6,
      seconds * 1e9 / Double(records.count)
    )
  )
  let baselineSeconds =
    Double(baseline.components.seconds) + Double(baseline.components.attoseconds) / 1e18
  print(
    String(
      format: "baseline:    %.1f ns/record just to read the records (checksum %d)",
      baselineSeconds * 1e9 / Double(records.count),
      tokenSum % 1000
    )
  )
  print("checksum CNY+USD totals: \(totals.map(\.description).joined(separator: ", "))")

  // The full breakdown (one line per component, provenance) on a tenth of the records.
  let sample = records.prefix(max(1, records.count / 10))
  let breakdownStart = clock.now
  var lineCount = 0
  for record in sample {
    lineCount += try schedules[record.schedule].cost(
      of: record.usage,
      at: Date(timeIntervalSince1970: TimeInterval(record.second))
    ).lines.count
  }
  let breakdownElapsed = clock.now - breakdownStart
  let breakdownSeconds =
    Double(breakdownElapsed.components.seconds) + Double(breakdownElapsed.components.attoseconds)
    / 1e18
  print(
    String(
      format: "breakdown:   %.2f M records/s, %.1f ns/record (%d lines)",
      Double(sample.count) / breakdownSeconds / 1e6,
      breakdownSeconds * 1e9 / Double(sample.count),
      lineCount
    )
  )

  if let peerFile {
    try peerComparison(file: peerFile, schedules: Array(schedules.prefix(3)), records: records)
  }
}

/// Writes the USD deepseek-chat and CNY deepseek-reasoner records the peers can price, as CSV,
/// and prices exactly those records on the same offerings (USD lists: the peers price in USD).
func peerComparison(file: String, schedules: [PriceSchedule], records: [Record]) throws {
  let chatUSD = schedules[1]
  let reasonerUSD = try Catalog.builtIn.offering(model: "deepseek-reasoner", currency: .usd)
    .schedule
  var csv = "timestamp,model,input_tokens,cached_input_tokens,output_tokens\n"
  var peerRecords: [(PriceSchedule, TokenUsage, Int64)] = []
  for record in records where record.schedule <= 2 {
    let model = record.schedule == 2 ? "deepseek-reasoner" : "deepseek-chat"
    let iso = Date(timeIntervalSince1970: TimeInterval(record.second)).formatted(.iso8601)
    csv +=
      "\(iso),\(model),\(record.usage.totalInput),\(record.usage.cacheRead),\(record.usage.output)\n"
    peerRecords.append((record.schedule == 2 ? reasonerUSD : chatUSD, record.usage, record.second))
    if peerRecords.count == 200_000 { break }
  }
  try csv.write(toFile: file, atomically: true, encoding: .utf8)
  let clock = ContinuousClock()
  var best = Double.infinity
  var total = FixedDecimal.zero
  for _ in 0..<5 {
    total = .zero
    let start = clock.now
    for (schedule, usage, second) in peerRecords {
      total = try total + schedule.totalCost(of: usage, atSecondsSince1970: second)
    }
    let elapsed = clock.now - start
    best = min(
      best,
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    )
  }
  print(
    String(
      format:
        "peer-records: %d written to %@; LLMPricing prices them at %.0f records/s (USD total %@)",
      peerRecords.count,
      file,
      Double(peerRecords.count) / best,
      total.description
    )
  )
}

@main
struct Bench {
  static func main() async {
    // Arguments are parsed into locals inside `main()`: top-level globals in a main.swift
    // were read back corrupted in optimized builds on Swift 6.3.1 for Linux.
    var recordCount = 10_000_000
    var peerFile: String?
    var arguments = CommandLine.arguments.dropFirst()
    while let argument = arguments.popFirst() {
      switch argument {
      case "--records": recordCount = Int(arguments.popFirst() ?? "") ?? recordCount
      case "--emit-peer-records": peerFile = arguments.popFirst()
      case "--projection":
        do {
          let presets = WorkloadProfile.presets.values.sorted { $0.name < $1.name }
          let months = try (0..<36).map { try YearMonth("2024-01").adding(months: $0) }
          let clock = ContinuousClock()
          var best = Duration.seconds(1_000)
          var priced = 0
          for _ in 0..<5 {
            let start = clock.now
            let all = try WorkloadComparison.compareAll(
              profiles: presets,
              months: months,
              currency: .usd
            )
            best = min(best, clock.now - start)
            priced = all.joined().map(\.ranked.count).reduce(0, +)
          }
          print(
            "projection: all offerings × \(presets.count) presets × 36 months in \(best) "
              + "(best of 5; \(priced) monthly costs)"
          )
          exit(0)
        } catch {
          FileHandle.standardError.write(Data("error: \(error)\n".utf8))
          exit(1)
        }
      case "--scenario":
        do {
          try await ScenarioBench.run(runs: recordCount == 10_000_000 ? 10_000 : recordCount)
          exit(0)
        } catch {
          FileHandle.standardError.write(Data("error: \(error)\n".utf8))
          exit(1)
        }
      case "--ingest":
        guard let path = arguments.popFirst() else { exit(2) }
        do {
          try IngestBench.run(path: path)
          exit(0)
        } catch {
          FileHandle.standardError.write(Data("error: \(error)\n".utf8))
          exit(1)
        }
      default:
        FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
        exit(2)
      }
    }
    do {
      try run(recordCount: recordCount, peerFile: peerFile)
    } catch {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      exit(1)
    }
  }
}
