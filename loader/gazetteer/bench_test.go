package gazetteer

import (
	"fmt"
	"strings"
	"testing"
)

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse(dataFS); err != nil {
			b.Fatal(err)
		}
	}
}

// newsText builds about n bytes of news-like prose: mostly ordinary words,
// with countries, demonyms, cities, organisations and people mixed in.
func newsText(n int) string {
	sentences := []string{
		"Russian forces launched a drone attack on Bilopillia in the Sumy region overnight, killing nine people, regional officials said on Saturday.",
		"Ukrainian President Volodymyr Zelenskyy called on European leaders to increase pressure on Moscow after the strike.",
		"Kremlin spokesman Dmitry Peskov said Putin was ready to resume talks in Istanbul, according to TASS.",
		"The White House said Trump would speak with Putin by phone on Monday about a ceasefire.",
		"NATO Secretary General Mark Rutte met foreign ministers in Brussels to discuss support for Kyiv.",
		"Chinese military drills around Taiwan drew criticism from Japan, South Korea and the United States.",
		"Israeli strikes in Gaza killed dozens, Hamas said, while the Houthis fired missiles toward the Red Sea.",
		"Pakistani and Indian officials traded accusations after an attack in Kashmir, and Reuters reported shelling along the Line of Control.",
		"Most of the people who spoke at the meeting said they hoped the deal would hold through the winter and into the next year.",
		"The report, which was published late on Thursday, found that prices rose faster than expected in the third quarter.",
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(sentences[i%len(sentences)])
		fmt.Fprintf(&b, " (%d) ", i)
	}
	return b.String()
}

func BenchmarkMatch(b *testing.B) {
	g := mustLoad(b)
	text := newsText(300 << 10)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var n int
	for b.Loop() {
		n = len(g.Match(text))
	}
	b.ReportMetric(float64(n), "matches/op")
}
