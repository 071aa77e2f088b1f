// llm-cost: price LLM usage from the command line with LLMPricing.
//
// Exit codes: 0 success, 2 bad arguments, 1 any other error. Messages go to standard
// error and name the bad value.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let code = await LLMCost.run(Array(CommandLine.arguments.dropFirst()))
exit(code)
