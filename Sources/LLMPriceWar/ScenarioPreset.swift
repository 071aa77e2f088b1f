import Foundation
import LLMPricing

/// Ready-made price wars: scenario files that ship with the module, read and validated
/// as a file of your own is.
///
/// Each preset lists its sources in ``Scenario/sources`` and says which of its numbers
/// are assumptions (market size, shares, segments, elasticity ranges) in
/// ``Scenario/summary`` and its event notes. Every preset takes the workload you pass, and
/// can be moved in time with ``Scenario/rebased(start:)``: catalog offerings then take the
/// catalog's prices of the new months.
///
/// ```swift
/// for preset in ScenarioPreset.all { print(preset.id, preset.title) }
/// let war = try ScenarioPreset.scenario("china-may-2024", workload: .coding)
/// ```
public struct ScenarioPreset: Hashable, Sendable {
  /// The preset's id, such as `china-may-2024`.
  public var id: String
  /// A title for people.
  public var title: String
  /// The scenario file's bytes.
  let json: [UInt8]

  /// Every preset, in the order `llm-cost scenario --list` prints them.
  public static let all: [ScenarioPreset] = [
    PackageResources.china_may_2024_json, PackageResources.minus_93_percent_json,
    PackageResources.gemini_2_5_pro_cut_json, PackageResources.us_access_restriction_json,
    PackageResources.deepseek_2026_peak_json,
  ].map { json in
    // The files are tested to decode: a failure here is a broken build, not bad input.
    guard let scenario = try? Scenario.decode(from: Data(json)) else {
      preconditionFailure("a preset scenario file does not decode; run the LLMPriceWar tests")
    }
    return ScenarioPreset(id: scenario.id, title: scenario.title, json: json)
  }

  /// The workload presets use unless told otherwise.
  public static let defaultWorkload = WorkloadProfile.customerService

  /// A preset scenario, for a workload if one is given.
  ///
  /// - Parameters:
  ///   - id: The preset's id.
  ///   - workload: The workload; the preset's own (``defaultWorkload``) when `nil`.
  /// - Returns: The scenario.
  /// - Throws: ``ScenarioError/Code/invalidScenario`` for an unknown id, with the closest.
  public static func scenario(_ id: String, workload: WorkloadProfile? = nil) throws -> Scenario {
    guard let preset = all.first(where: { $0.id == id.lowercased() }) else {
      throw ScenarioError.invalid(
        "no scenario preset '\(id)'; closest: "
          + ClosestNames.closest(to: id, among: all.map(\.id)).joined(separator: ", ")
          + ". List them with `llm-cost scenario --list`"
      )
    }
    var scenario = try Scenario.decode(from: Data(preset.json))
    if let workload { scenario.workload = workload }
    return scenario
  }
}
