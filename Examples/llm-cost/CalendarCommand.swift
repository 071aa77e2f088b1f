import Foundation
import LLMPricing

/// `llm-cost calendar`: the holidays and make-up working days a year is priced with, and
/// whether they are official or provisional.
enum CalendarCommand {
  static let spec = CommandSpec(
    name: "calendar",
    abstract: "Show the public holidays and make-up working days that prices and projections "
      + "use for a year: the official arrangement when the calendar has it, otherwise the "
      + "provisional one computed from the statutory rules (bridge days and make-up working "
      + "days unknown).",
    usage: ["calendar [--year YYYY] [--id CN] [--json | --markdown] [--catalog FILE]"],
    groups: [
      OptionGroup(
        "OPTIONS",
        [
          .value("year", "YYYY", "The year (default: this year)."),
          .value("id", "ID", "The holiday calendar (default CN, mainland China)."),
          .flag(
            "json",
            "{\"calendar\", \"year\", \"status\": \"official\"|\"provisional\", "
              + "\"holidays\": [{\"day\", \"name\"}], \"makeUpWorkingDays\": [...], "
              + "\"sources\": [...], \"note\"}."
          ),
          .flag(
            "markdown",
            "Print the days as a GitHub-flavoured Markdown table: day, weekday, and the "
              + "holiday's name or \"make-up working day\"."
          ),
        ]
      ),
      PricingSetup.catalogGroup,
    ]
  )

  struct JSON: Encodable {
    struct Holiday: Encodable {
      let day: String
      let name: String
    }
    let calendar: String
    let year: Int
    let status: String
    let rules: String?
    let holidays: [Holiday]
    let makeUpWorkingDays: [String]
    let sources: [String]
    let note: String?
  }

  static func run(_ arguments: [String]) async throws {
    let options = try spec.parse(arguments)
    try options.exclusive(["json", "markdown"])
    let catalog = try PricingSetup.catalog(options)
    let calendar = try catalog.holidayCalendar(id: options.string("id") ?? "CN")
    let yearText = options.string("year") ?? String(CalendarDay(utcDateOf: Date()).year)
    guard let year = Int(yearText), (1...9999).contains(year) else {
      throw UsageError("--year must be a year such as 2027, not '\(yearText)'")
    }
    var holidays: [JSON.Holiday] = []
    var makeUp: [String] = []
    var day = try CalendarDay(year: year, month: 1, day: 1)
    while day.year == year {
      if let name = try calendar.holidayName(of: day) {
        holidays.append(JSON.Holiday(day: day.description, name: name))
      } else if try calendar.kind(of: day) == .workingDay,
        [.saturday, .sunday].contains(day.weekday)
      {
        makeUp.append(day.description)
      }
      day = day.adding(days: 1)
    }
    let official = calendar.isOfficial(year: year)
    let provisional = try calendar.provisionalYear(of: CalendarDay(year: year, month: 1, day: 1))
    let value = JSON(
      calendar: calendar.id,
      year: year,
      status: official ? "official" : "provisional",
      rules: official ? nil : calendar.provisionalRules?.id,
      holidays: holidays,
      makeUpWorkingDays: makeUp,
      sources: official ? calendar.sources.filter { $0.hasPrefix("\(year):") } : [],
      note: provisional?.note
    )
    if options.flag("json") {
      print(try Output.json(value))
      return
    }
    if options.flag("markdown") {
      var table = TextTable(["day", "weekday", "holiday"])
      let days = holidays.map { ($0.day, $0.name) } + makeUp.map { ($0, "make-up working day") }
      for (day, name) in days.sorted(by: { $0.0 < $1.0 }) {
        table.append([day, try CalendarDay(day).weekday.rawValue.prefix(3).capitalized, name])
      }
      print(table.markdown())
      return
    }
    print("\(calendar.id) holiday calendar, \(year): \(value.status)")
    for holiday in holidays {
      let weekday = try CalendarDay(holiday.day).weekday.rawValue.prefix(3).capitalized
      print("  \(holiday.day) \(weekday)  \(holiday.name)")
    }
    if !makeUp.isEmpty { print("  make-up working days: \(makeUp.joined(separator: ", "))") }
    for source in value.sources { print("  source: \(source)") }
    if let note = value.note { print("  note: \(note)") }
  }
}
