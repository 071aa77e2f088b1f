import Foundation

extension ExchangeRates {
  /// USD/CNY central parity fixings published by the China Foreign Exchange Trade System.
  ///
  /// Each fixing applies from its publication at 09:15 Beijing time (01:15 UTC) and
  /// carries the URL of the report it was read from. The table runs from 2024-01-04 to
  /// 2026-06-22; later fixings were not found in sourced material (as of 2026-12-03), so
  /// none are included.
  ///
  /// Later instants, future months included, use the newest fixing, and every conversion
  /// more than ``AppliedRate/assumptionAgeInDays`` days after its fixing is flagged
  /// assumed (``AppliedRate/isAssumed``). For current work pass your own rates with
  /// ``overriding(with:)``; to refuse old rates instead, use ``limitingAge(toDays:)``.
  ///
  /// These rates are for comparing offerings across currencies. An offering's own price
  /// is always the provider's published currency; it is never derived through FX.
  public static let centralParity = ExchangeRates(
    centralParityFixings.compactMap { fixing -> ExchangeRate? in
      guard let day = try? CalendarDay(fixing.day), let rate = try? FixedDecimal(fixing.rate)
      else { return nil }
      return try? ExchangeRate(
        base: .usd,
        quote: .cny,
        rate: rate,
        asOf: day.startInUTC.addingTimeInterval(4_500),
        source: "CFETS USD/CNY central parity, as reported at " + fixing.source
      )
    },
    pivot: .usd
  )

  /// The fixings behind ``centralParity``: day, rate in CNY per USD, and source URL.
  static let centralParityFixings: [(day: String, rate: String, source: String)] = [
    (
      "2024-01-04", "7.0997",
      "https://www.urdupoint.com/en/business/chinese-yuan-strengthens-to-70997-against-us-1782535.html"
    ),
    (
      "2024-01-10", "7.1055",
      "https://www.urdupoint.com/en/world/chinese-yuan-weakens-to-71055-against-usd-we-1784182.html"
    ),
    (
      "2024-02-21", "7.1030",
      "https://www.urdupoint.com/en/business/chinese-yuan-strengthens-to-71030-against-us-1797208.html"
    ),
    (
      "2024-03-08", "7.0978",
      "https://menafn.com/1107954217/Chinese-Yuan-Strengthens-To-70978-Against-USD-Friday"
    ),
    (
      "2024-03-25", "7.0996",
      "https://www.urdupoint.com/en/business/chinese-yuan-strengthens-to-70996-against-us-1808758.html"
    ),
    ("2024-03-27", "7.0946", "http://en.people.cn/n3/2024/0327/c90000-20149933.html"),
    (
      "2024-04-22", "7.1043",
      "https://menafn.com/1108121581/Chinese-yuan-strengthens-slightly-against-USD-reaches-71043-in-Mondays-trading"
    ),
    (
      "2024-04-23", "7.1059",
      "https://menafn.com/1108126414/China-records-slight-depreciation-of-yuan-against-USD-on-Tuesday"
    ),
    (
      "2024-04-30", "7.1063",
      "https://menafn.com/1108155343/Chinese-yuan-shows-strengthening-against-US-dollar-on-Tuesday"
    ),
    (
      "2024-05-13", "7.1030",
      "https://menafn.com/1108206306/Chinese-yuan-falls-19-pips-against-US-dollar"
    ),
    (
      "2024-05-21", "7.1069",
      "https://menafn.com/1108239145/Chinese-yuan-weakens-slightly-against-US-dollar-on-Tuesday"
    ),
    (
      "2024-05-27", "7.1091",
      "https://menafn.com/1108260235/Chinas-yuan-shows-slight-strengthening-against-US-dollar-on-Monday"
    ),
    ("2024-06-19", "7.1159", "http://en.people.cn/n3/2024/0619/c90000-20182980.html"),
    (
      "2024-07-01", "7.1265",
      "https://zh.helm.news/2024-07-01/july-chinas-yuan-strengthened-central-parity-rate-against-us-dollar.html"
    ),
    (
      "2024-07-18", "7.1285",
      "https://bignewsnetwork.com/news/274460422/chinese-yuan-strengthens-to-71285-against-usd-thursday"
    ),
    ("2024-07-24", "7.1358", "https://m.ru24.pro/english/384159280"),
    ("2024-08-07", "7.1386", "http://en.xfafinance.com/html/Markets/Currencies/2024/1004380.shtml"),
    (
      "2024-08-26", "7.1139",
      "https://menafn.com/1108601554/Chinas-yuan-shows-strengthening-against-US-dollar-on-Monday"
    ),
    (
      "2024-08-27", "7.1249",
      "https://menafn.com/1108606163/Chinese-yuan-shows-weakening-against-US-dollar-on-Tuesday"
    ),
    (
      "2024-09-18", "7.0870",
      "https://naija247news.com/2024/09/19/yuan-strengthens-to-7-087-against-the-dollar-amid-exchange-rate-stability-efforts/"
    ),
    (
      "2024-10-24", "7.1286",
      "https://menafn.com/1108816106/Chinas-yuan-shows-weakening-against-US-dollar-on-Thursday"
    ),
    (
      "2024-11-14", "7.1966",
      "https://menafn.com/1108886085/Chinas-yuan-shows-strengthening-to-71966-against-US-dollar-Thursday"
    ),
    (
      "2024-12-19", "7.1911",
      "https://menafn.com/1109011723/Chinas-currency-weakens-by-31-pips-to-71911-against-US-dollar-Thursday"
    ),
    (
      "2024-12-31", "7.1884",
      "https://menafn.com/1109044220/Chinas-yuan-strengthens-by-5-pips-against-US-dollar-on-Tuesday"
    ),
    (
      "2025-01-13", "7.1885", "https://realnewsmagazine.net/yuan-strengthens-7-1885-against-dollar/"
    ),
    (
      "2025-02-24", "7.1717",
      "https://www.urdupoint.com/en/business/chinese-yuan-weakens-to-71717-against-usd-mo-1931265.html"
    ),
    (
      "2025-02-25", "7.1726",
      "http://china.org.cn/china/Off_the_Wire/2025-02/25/content_117731713.htm"
    ),
    (
      "2025-03-19", "7.1697",
      "https://bignewsnetwork.com/news/278107239/chinese-yuan-strengthens-to-71697-against-usd-wednesday"
    ),
    (
      "2025-04-22", "7.2074",
      "https://english.news.cn/20250422/8527d2e0cf0c4b36946ef05701623859/c.html"
    ),
    ("2025-04-30", "7.2014", "http://en.people.cn/n3/2025/0430/c90000-20309632.html"),
    (
      "2025-05-28", "7.1894",
      "https://preview.deepnewz.com/china/pboc-sets-usd-cny-rate-7-1894-7-1907-7-1848-28-30-strengthening-yuan-amid-trade-adf4cc1c"
    ),
    (
      "2025-05-29", "7.1907",
      "https://preview.deepnewz.com/china/pboc-sets-usd-cny-rate-7-1894-7-1907-7-1848-28-30-strengthening-yuan-amid-trade-adf4cc1c"
    ),
    (
      "2025-05-30", "7.1848",
      "https://preview.deepnewz.com/china/pboc-sets-usd-cny-rate-7-1894-7-1907-7-1848-28-30-strengthening-yuan-amid-trade-adf4cc1c"
    ),
    (
      "2025-06-12", "7.1803",
      "https://preview.deepnewz.com/china/jpmorgan-lowers-q4-usd-cny-target-to-7-15-pboc-raises-yuan-parity-rate-to-7-1803-201f9f2a"
    ),
    (
      "2025-06-13", "7.1772",
      "https://preview.deepnewz.com/china/jpmorgan-lowers-q4-usd-cny-target-to-7-15-pboc-raises-yuan-parity-rate-to-7-1803-201f9f2a"
    ),
    (
      "2025-06-20", "7.1695",
      "https://preview.deepnewz.com/china/pboc-sets-usd-cny-rate-7-1695-on-june-20-injects-161-2b-yuan-1-40-repo-strongest-0dc94b66"
    ),
    (
      "2025-07-01", "7.1534",
      "https://gaya.one/id/world-events/breaking-news/china-s-yuan-hits-strongest-level-since-late-2024-amid-trade-tensions"
    ),
    (
      "2025-07-16", "7.1526",
      "https://www.brecorder.com/news/40372940/yuan-steady-as-firm-midpoint-counters-dollar-strength"
    ),
    (
      "2025-07-24", "7.1385",
      "https://preview.deepnewz.com/china/yuan-advances-after-pboc-issues-strongest-fix-since-november-45d72066"
    ),
    (
      "2025-07-31", "7.1494",
      "https://www.vtmarkets.com/en-asia/live-updates/the-pboc-established-the-usd-cny-mid-point-at-7-1494-lower-than-the-predicted-7-2062/"
    ),
    (
      "2025-08-11", "7.1405",
      "https://preview.deepnewz.com/china/chinas-central-bank-sets-yuan-midpoint-strongest-level-since-november-2024-13-up-5cbee798"
    ),
    (
      "2025-08-14", "7.1337",
      "https://preview.deepnewz.com/china/chinas-central-bank-sets-yuan-midpoint-strongest-level-since-november-2024-13-up-5cbee798"
    ),
    ("2025-08-21", "7.1287", "http://en.people.cn/n3/2025/0821/c90000-20355681.html"),
    (
      "2025-08-25", "7.1161", "https://menafn.com/1109970016/Chinese-Edges-Higher-Against-US-Dollar"
    ),
    (
      "2025-08-27", "7.1108",
      "https://preview.deepnewz.com/china/pboc-sets-yuan-reference-rate-7-1108-strongest-since-november-2024-amid-weaker-530597e7"
    ),
    (
      "2025-09-22", "7.1106",
      "https://menafn.com/1110091824/Chinese-Yuan-Nudges-Up-Against-US-Dollar"
    ),
    ("2025-09-23", "7.1057", "https://menafn.com/1110097610/Yuan-Edges-Higher-Against-US-Dollar"),
    (
      "2025-10-13", "7.1007",
      "https://www.brecorder.com/news/40387132/china-lifts-yuan-midpoint-to-strongest-in-nearly-a-year"
    ),
    (
      "2025-11-26", "7.0796",
      "https://coretruth.net/2025/11/26/yuan-strengthens-as-central-parity-rate-rises-to-7-0796-per-dollar"
    ),
    (
      "2025-12-16", "7.0602",
      "https://menafn.com/1110485531/Chinas-Yuan-Gains-Ground-Against-US-Dollar"
    ),
    (
      "2025-12-19", "7.0550",
      "https://alutajournal.ng/business-entrepreneurship/2025/12/20/yuan-strengthens-to-7-055-against-the-dollar-context-and-market-implications"
    ),
    (
      "2025-12-22", "7.0572",
      "https://menafn.com/1110510358/Chinese-Yuan-Edges-Down-Against-US-Dollar"
    ),
    (
      "2026-01-08", "7.0197",
      "https://menafn.com/1110571586/Chinese-Yuan-Edges-Down-Against-US-Dollar"
    ),
    (
      "2026-01-22", "7.0019",
      "https://en.oninvest.com/article/china-sets-yuan-exchange-rate-at-highest-level-since-2023"
    ),
    (
      "2026-01-23", "6.9929",
      "https://biz.chosun.com/en/en-international/2026/01/23/HUOH2FV3ZZHTBLHBNT57E4TD74/?outputType=amp"
    ),
    (
      "2026-01-27", "6.9858",
      "http://www.sjzmxmy.com/english/20260127/cba751482a5e433bb6c121e58d8ae77b/c.html"
    ),
    ("2026-02-03", "6.9608", "https://longbridge.com/en/news/274579674.md"),
    ("2026-03-13", "6.9007", "https://longbridge.com/en/news/278964953/llms.txt"),
    ("2026-04-22", "6.8635", "https://longbridge.com/en/news/283578678.md"),
    ("2026-04-29", "6.8608", "https://longbridge.com/en/news/284471568.md"),
    ("2026-04-30", "6.8628", "https://longbridge.com/en/news/284669321.md"),
    ("2026-05-06", "6.8562", "https://longbridge.com/en/news/285291525.md"),
    ("2026-05-13", "6.8431", "https://longbridge.com/en/news/286176328/llms.txt"),
    ("2026-05-19", "6.8375", "https://longbridge.com/en/news/286835717.md"),
    ("2026-05-20", "6.8397", "https://longbridge.com/en/news/286984955.md"),
    (
      "2026-06-04", "6.8203",
      "https://el7.ai/en/news/2026-06-04-pboc-sets-yuan-reference-rate-higher-at-68203-against-us-dollar"
    ),
    (
      "2026-06-05", "6.8157",
      "https://tradersweek.com/zh/news/pboc-sets-usd-cny-reference-rate-at-6-8157"
    ),
    (
      "2026-06-22", "6.8150",
      "https://el7.ai/en/news/2026-06-22-pboc-weakens-yuan-fix-to-68150-against-us-dollar"
    ),
  ]
}
