package chart

import (
	"os"
	"testing"
)

func TestRenderScratch(t *testing.T) {
	os.WriteFile("/tmp/c_typical.svg", SVG(typicalCount(), Options{FYStart: 4, AmberTolerance: 0.05, IDPrefix: "a"}), 0o644)
	os.WriteFile("/tmp/c_typical_solo.svg", SVG(typicalCount(), Options{FYStart: 4, AmberTolerance: 0.05, Standalone: true}), 0o644)
	os.WriteFile("/tmp/c_pct.svg", SVG(percentVarying(), Options{FYStart: 4, AmberTolerance: 0.05, Standalone: true}), 0o644)
	os.WriteFile("/tmp/c_ytd.svg", SVG(ytdSeries(), Options{FYStart: 4, AmberTolerance: 0.05, Standalone: true}), 0o644)
	os.WriteFile("/tmp/c_40.svg", SVG(fortyQuarters(), Options{FYStart: 4, AmberTolerance: 0.05, Standalone: true}), 0o644)
	os.WriteFile("/tmp/c_one.svg", SVG(onePoint(), Options{FYStart: 4, AmberTolerance: 0.05, Standalone: true}), 0o644)
	os.WriteFile("/tmp/c_none.svg", SVG(noDataSeries(), Options{FYStart: 4, AmberTolerance: 0.05, Standalone: true}), 0o644)
	os.WriteFile("/tmp/c_spark.svg", Sparkline(typicalCount(), Options{}), 0o644)
	b, err := PNG(typicalCount(), Options{FYStart: 4, AmberTolerance: 0.05})
	if err != nil { t.Fatal(err) }
	os.WriteFile("/tmp/c_typical.png", b, 0o644)
}
