package gazetteer

import "testing"

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse(dataFS); err != nil {
			b.Fatal(err)
		}
	}
}
