import LLMPricing
import Testing

@Suite("Text tables: terminal, Markdown and CSV")
struct TextTableTests {
  @Test(
    "display width counts East Asian wide characters as two cells",
    arguments: [
      ("qwen-max", 8), ("通义千问", 8), ("¥1,234.50", 9), ("ＡＢ", 4), ("한국어", 6),
      ("ERNIE 文心", 10), ("", 0), ("é", 1),
    ]
  )
  func displayWidth(text: String, expected: Int) {
    #expect(TextTable.displayWidth(of: text) == expected)
  }

  @Test("wide characters line up with narrow ones in the terminal rendering")
  func wideAlignment() {
    var table = TextTable(["model", "price"], rightAligned: [1])
    table.append(["通义千问", "¥2.00"])
    table.append(["qwen-max-long", "¥20.00"])
    // Hand-laid: the model column is 13 cells wide ("qwen-max-long"), the price column 6;
    // the header of a right-aligned column is aligned right too.
    #expect(
      table.rendered() == """
        model           price
        -------------  ------
        通义千问        ¥2.00
        qwen-max-long  ¥20.00
        """
    )
  }

  @Test("Markdown marks right-aligned columns and escapes pipes and line breaks")
  func markdown() {
    var table = TextTable(["offering", "total"], rightAligned: [1])
    table.append(["a|b", "¥1.00"])
    table.append(["two\nlines"])
    #expect(
      table.markdown() == """
        | offering | total |
        | --- | ---: |
        | a\\|b | ¥1.00 |
        | two lines |  |
        """
    )
  }

  @Test("CSV quotes fields with commas, quotes and line breaks, and pads short rows")
  func csv() {
    var table = TextTable(["name", "note"])
    table.append(["plain", "has, comma"])
    table.append(["say \"hi\"", "two\nlines"])
    table.append(["short"])
    #expect(
      table.csv() == "name,note\nplain,\"has, comma\"\n\"say \"\"hi\"\"\",\"two\nlines\"\nshort,\n"
    )
  }
}
