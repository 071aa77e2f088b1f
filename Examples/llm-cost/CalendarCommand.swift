import Foundation
import LLMPricing

/// `llm-cost calendar`: the holidays and make-up working days a year is priced with, and
/// whether they are official or provisional.
enum CalendarCommand {
  static let help = """
    USAGE: llm-cost calendar [--year YYYY] [--id CN] [--json] [--catalog FILE]
                             [--strict-calendar]

    Show the public holidays and make-up working days that prices and projections use for a
    year: the official arrangement when the calendar has it, otherwise the provisional one
    computed from the statutory rules (bridge days and make-up working days unknown).

    OPTIONS:
      --year YYYY           The year (default: this year).
      --id ID               The holiday calendar (default CN, mainland China).
      --catalog FILE        Lay a catalog file over the built-in catalog; its
                            holidayCalendars add or replace years.
      --strict-calendar     Refuse a year without an official arrangement.
      --built-in            Use the built-in catalog, ignoring an installed update.
      --json                {"calendar", "year", "status": "official"|"provisional",
                            "holidays": [{"day", "name"}], "makeUpWorkingDays": [...],
                            "sources": [...], "note"}.
      -h, --help            Show this help.
    """

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

  static func run(_ arguments: [String]) throws {
    if arguments.contains("--help") || arguments.contains("-h") {
      print(help)
      return
    }
    let options = try Options(
      arguments,
      valued: ["year", "id", "catalog"],
      flags: ["json", "strict-calendar", "built-in"]
    )
    var catalog = try CatalogLoading.load(
      options.string("catalog"),
      builtInOnly: options.flag("built-in")
    )
    if options.flag("strict-calendar") { catalog = try catalog.requiringOfficialHolidayYears() }
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
