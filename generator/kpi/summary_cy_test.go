package kpi

import (
	"testing"

	"kpisite/generator/format"
	"kpisite/generator/i18n"
	"kpisite/generator/model"
)

func TestSummaryInWelsh(t *testing.T) {
	w, err := i18n.Builtin("cy")
	if err != nil {
		t.Fatal(err)
	}
	cy := format.NewLang(w)
	ind := indicator(func(i *model.Indicator) {
		i.Noun = "atgyfeiriad"
		i.Target = model.TargetRule{Kind: model.TargetFixed, Value: model.Some(430)}
	})
	s, _ := Compute(ind, []model.Observation{obs("k", q(2021, 1), 380), obs("k", q(2022, 1), 412)}, cfg)
	got := SummaryIn(cy, &s, s.At(q(2022, 1)), 4)
	want := "412 atgyfeiriad yn Ebrill i Fehefin 2022, 4% islaw'r targed o 430 (ambr). I fyny o 380 yn yr un chwarter y llynedd (yn gwella)."
	if got != want {
		t.Errorf("SummaryIn(cy) =\n  %s\nwant\n  %s", got, want)
	}
	if m := w.Missing(); len(m) > 0 {
		t.Errorf("cy.toml lacks %v", m)
	}
}
