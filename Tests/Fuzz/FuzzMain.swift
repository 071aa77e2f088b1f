import Foundation

/// The fuzz targets of the one instrumented binary, by the name `FUZZ_TARGET` selects.
///
/// One binary rather than one per target: the library takes minutes to compile with
/// the sanitizers, and every target needs all of it.
enum FuzzTargets {
  static let all: [String: (UnsafeRawBufferPointer) -> Void] = [
    "log-line": LogLineTarget.run,
    "log-line-differential": LogLineDifferentialTarget.run,
    "response": ResponseTarget.run,
    "stream": StreamTarget.run,
    "catalog-file": CatalogFileTarget.run,
    "rates-file": RatesFileTarget.run,
    "scenario-file": ScenarioFileTarget.run,
    "workload-file": WorkloadFileTarget.run,
    "report-file": ReportFileTarget.run,
    "litellm": ImporterTargets.runLiteLLM,
    "genai-prices": ImporterTargets.runGenAIPrices,
    "decimal": DecimalTarget.run,
    "cli-options": CLIOptionsTarget.run,
  ]

  /// The selected target, read once: the environment does not change during a run.
  static let selected: (UnsafeRawBufferPointer) -> Void = {
    let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? ""
    guard let run = all[name] else {
      let names = all.keys.sorted().joined(separator: ", ")
      FileHandle.standardError.write(Data("set FUZZ_TARGET to one of: \(names)\n".utf8))
      exit(2)
    }
    return run
  }()
}

/// Checks the target name before libFuzzer starts, so a typo fails at once.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
  _ argc: UnsafeMutablePointer<CInt>?,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> CInt {
  _ = FuzzTargets.selected
  return 0
}

/// libFuzzer's entry point: one input to the selected target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  FuzzTargets.selected(UnsafeRawBufferPointer(start: start, count: count))
  return 0
}

/// Stops the run with a message naming the input: a broken invariant is a finding.
func fuzzFailure(_ what: String, input: UnsafeRawBufferPointer) -> Never {
  let escaped = String(decoding: input, as: UTF8.self).debugDescription
  FileHandle.standardError.write(Data("FUZZ FAILURE: \(what)\ninput: \(escaped)\n".utf8))
  fatalError(what)
}
