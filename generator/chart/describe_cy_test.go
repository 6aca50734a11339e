package chart

import (
	"strings"
	"testing"

	"kpisite/generator/format"
	"kpisite/generator/i18n"
)

func TestDescribeInWelsh(t *testing.T) {
	w, err := i18n.Builtin("cy")
	if err != nil {
		t.Fatal(err)
	}
	o := site
	o.Lang = format.NewLang(w)
	got := Describe(typicalCount(), o)
	for _, want := range []string{
		"Diweddaraf: 412 referrals yn Ebrill i Fehefin 2022, i fyny o 352 referrals yn Ebrill i Fehefin 2019.",
		"Uchaf: 441 referrals yn Ionawr i Fawrth 2022. Isaf: 289 referrals yn Ebrill i Fehefin 2020.",
		"Mae'r ffigur diweddaraf 4% islaw'r targed o 430 referrals (yn agos at y targed).",
		"Ar y targed mewn 2 o 12 chwarter â tharged.",
		"Dim data ar gyfer 2020/21 Ch2.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("description lacks %q:\n%s", want, got)
		}
	}
	svg := string(SVG(typicalCount(), o))
	for _, want := range []string{"Ch1 22/23", ">Nifer<", ">Targed<", "Bwlch: dim data ar gyfer Ch2 20/21."} {
		if !strings.Contains(svg, want) {
			t.Errorf("chart lacks %q", want)
		}
	}
	if m := w.Missing(); len(m) > 0 {
		t.Errorf("cy.toml lacks %v", m)
	}
}
