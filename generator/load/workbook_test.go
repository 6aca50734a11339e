package load

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"kpisite/generator/model"
)

func TestWorkbookFile(t *testing.T) {
	inds := mustIndicators(t, testIndicators)
	const name = "data/values/kpis.xlsx"
	long := func(cells ...[]xc) []xc {
		out := row(1, "indicator", "period", "value", "flag", "note")
		for _, c := range cells {
			out = append(out, c...)
		}
		return out
	}
	tests := []struct {
		name   string
		sheets []xsheet
		obs    []string
		want   []string
	}{
		{"long sheet: numbers, text and a note",
			[]xsheet{{"Q1 returns", long(row(2, "idva-referrals", "2022/23 Q1", "412", "p", "Provisional"))}},
			[]string{"idva-referrals 2022/23 Q1 412 [p] Provisional @data/values/kpis.xlsx:Q1 returns!2:2"}, nil},
		{"full precision, as Excel shows it (15 digits)",
			[]xsheet{{"S", long([]xc{{ref: "A2", str: "births-42-days"}, {ref: "B2", str: "2022/23 Q1"}, {ref: "C2", v: "97.790000000000006"}})}},
			[]string{"births-42-days 2022/23 Q1 97.79 @data/values/kpis.xlsx:S!2:2"}, nil},
		{"percent format: 0.65 reads as 65",
			[]xsheet{{"S", long(
				[]xc{{ref: "A2", str: "births-42-days"}, {ref: "B2", str: "2022/23 Q1"}, {ref: "C2", v: "0.65", style: 1}},
				[]xc{{ref: "A3", str: "births-42-days"}, {ref: "B3", str: "2022/23 Q2"}, {ref: "C3", v: "0.657", style: 5}},
			)}},
			[]string{
				"births-42-days 2022/23 Q1 65 @data/values/kpis.xlsx:S!2:2",
				"births-42-days 2022/23 Q2 65.7 @data/values/kpis.xlsx:S!3:3",
			}, nil},
		{"dates: a month-formatted period cell is the month",
			[]xsheet{{"S", long(
				// 44652 is 1 April 2022
				[]xc{{ref: "A2", str: "visits-monthly"}, {ref: "B2", v: "44652", style: 2}, {ref: "C2", v: "10"}},
				[]xc{{ref: "A3", str: "visits-monthly"}, {ref: "B3", v: "44682", style: 4}, {ref: "C3", v: "11"}},
				// a date cell (t="d") holds an ISO 8601 date
				[]xc{{ref: "A4", str: "visits-monthly"}, {ref: "B4", t: "d", v: "2022-06-01T00:00:00Z", style: 2}, {ref: "C4", v: "12"}},
			)}},
			[]string{
				"visits-monthly 2022-04 10 @data/values/kpis.xlsx:S!2:2",
				"visits-monthly 2022-05 11 @data/values/kpis.xlsx:S!3:3",
				"visits-monthly 2022-06 12 @data/values/kpis.xlsx:S!4:4",
			}, nil},
		{"a date in a value cell is an error at the cell",
			[]xsheet{{"S", long([]xc{{ref: "A2", str: "idva-referrals"}, {ref: "B2", str: "2022/23 Q1"}, {ref: "C2", v: "44652", style: 3}})}},
			nil, []string{`data/values/kpis.xlsx:S!C2: column "value": "2022-04-01" is not a number; expected a number such as 1234, 1,234 or 65%`}},
		{"a TRUE/FALSE cell is text, never the number 1",
			[]xsheet{{"S", long([]xc{{ref: "A2", str: "idva-referrals"}, {ref: "B2", str: "2022/23 Q1"}, {ref: "C2", t: "b", v: "1"}})}},
			nil, []string{`data/values/kpis.xlsx:S!C2: column "value": "TRUE" is not a number; expected a number such as 1234, 1,234 or 65%`}},
		{"formula: its saved result, never recalculated",
			[]xsheet{{"S", long([]xc{{ref: "A2", str: "idva-referrals"}, {ref: "B2", str: "2022/23 Q1"}, {ref: "C2", f: "SUM(F2:G2)", v: "999"}})}},
			[]string{"idva-referrals 2022/23 Q1 999 @data/values/kpis.xlsx:S!2:2"}, nil},
		{"formula with no saved result is an error",
			[]xsheet{{"S", long([]xc{{ref: "A2", str: "idva-referrals"}, {ref: "B2", str: "2022/23 Q1"}, {ref: "C2", f: "SUM(F2:G2)"}})}},
			nil, []string{`data/values/kpis.xlsx:S!C2: cell has the formula =SUM(F2:G2) but no saved result; expected a value (open the workbook in Excel or LibreOffice and save it, so that the results are saved; kpisite never recalculates)`}},
		{"Excel error cells suggest flag x; the row is left out",
			[]xsheet{{"Q1 returns", long(
				[]xc{{ref: "A2", str: "idva-referrals"}, {ref: "B2", str: "2022/23 Q1"}, {ref: "C2", t: "e", f: "1/0", v: "#DIV/0!"}},
				[]xc{{ref: "A3", str: "idva-referrals"}, {ref: "B3", str: "2022/23 Q2"}, {ref: "C3", t: "e", v: "#N/A"}},
				row(4, "idva-referrals", "2022/23 Q3", "7"),
			)}},
			[]string{"idva-referrals 2022/23 Q3 7 @data/values/kpis.xlsx:Q1 returns!4:4"},
			[]string{
				`data/values/kpis.xlsx:Q1 returns!C2: cell shows the Excel error #DIV/0!; expected a number, or an empty value with flag x (not available) and a note saying why`,
				`data/values/kpis.xlsx:Q1 returns!C3: cell shows the Excel error #N/A; expected a number, or an empty value with flag x (not available) and a note saying why`,
			}},
		{"sheets starting with _ are ignored; every other sheet is read",
			[]xsheet{
				{"_workings", row(1, "anything", "at", "all")},
				{"A", long(row(2, "idva-referrals", "2022/23 Q1", "1"))},
				{"B", long(row(2, "idva-referrals", "2022/23 Q2", "2"))},
			},
			[]string{"idva-referrals 2022/23 Q1 1 @data/values/kpis.xlsx:A!2:2", "idva-referrals 2022/23 Q2 2 @data/values/kpis.xlsx:B!2:2"}, nil},
		{"wide sheet: an error cell is left out, the rest of the row read",
			[]xsheet{{"Wide", append(row(1, "indicator", "2022/23 Q1", "2022/23 Q2", "2022/23 Q3"),
				xc{ref: "A2", str: "idva-referrals"}, xc{ref: "B2", v: "5"}, xc{ref: "C2", t: "e", v: "#REF!"}, xc{ref: "D2", str: "7 [p]"})}},
			[]string{"idva-referrals 2022/23 Q1 5 @data/values/kpis.xlsx:Wide!B2", "idva-referrals 2022/23 Q3 7 [p] @data/values/kpis.xlsx:Wide!D2"},
			[]string{`data/values/kpis.xlsx:Wide!C2: cell shows the Excel error #REF!; expected a number, or an empty value with flag x (not available) and a note saying why`}},
		{"unknown column and unknown indicator, positioned by cell",
			[]xsheet{{"S", append(row(1, "indicator", "period", "valeu"), row(2, "idva-referals", "2022/23 Q1", "1")...)}},
			nil, []string{
				`data/values/kpis.xlsx:S!1:1: missing column "value"; expected a header such as indicator,period,value,flag,note (or numerator and denominator columns)`,
				`data/values/kpis.xlsx:S!C1: unknown column "valeu"; did you mean "value"?`,
			}},
		{"cells right of the header are reported",
			[]xsheet{{"S", append(row(1, "indicator", "period", "value"), row(2, "idva-referrals", "2022/23 Q1", "1", "stray")...)}},
			nil, []string{`data/values/kpis.xlsx:S!D2: cell "stray" is to the right of the last column of the header; expected a header cell above it, or an empty cell`}},
		{"an empty sheet is skipped", []xsheet{{"Empty", nil}}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps model.Problems
			var got []string
			for _, o := range WorkbookFile(name, mustXLSX(t, tt.sheets...), inds, &ps) {
				got = append(got, obsString(o))
			}
			if strings.Join(got, "\n") != strings.Join(tt.obs, "\n") {
				t.Errorf("observations:\n got: %q\nwant: %q", got, tt.obs)
			}
			checkProblems(t, ps, tt.want)
		})
	}
}

func TestWorkbookRefused(t *testing.T) {
	const name = "data/values/kpis.xlsx"
	var bomb bytes.Buffer
	z := zip.NewWriter(&bomb)
	w, _ := z.Create("xl/worksheets/sheet1.xml")
	zeros := make([]byte, 1<<20)
	for range MaxWorkbookUnzipped/len(zeros) + 1 {
		_, _ = w.Write(zeros)
	}
	_ = z.Close()
	tests := []struct {
		name string
		src  []byte
		want string
	}{
		{"zip bomb", bomb.Bytes(), `data/values/kpis.xlsx: workbook unzips to 257.0 MB, more than the limit of 256.0 MB; expected a smaller workbook (an .xlsx file is a zip archive)`},
		{"too big on disk", make([]byte, MaxWorkbookBytes+1), `data/values/kpis.xlsx: workbook is 32.0 MB, more than the limit of 32.0 MB; expected a smaller workbook (move old years or workings to another file)`},
		{"a CSV saved as .xlsx", []byte("indicator,period,value\n"), `data/values/kpis.xlsx: file is not an Excel workbook (zip: not a valid zip file); expected a workbook saved by Excel or LibreOffice as .xlsx`},
		{"old .xls or password", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), `data/values/kpis.xlsx: file is an old Excel 97-2003 workbook (.xls) or is protected by a password; expected an Excel Workbook (.xlsx) without a password (in Excel: File, Save As, Excel Workbook)`},
	}
	if len(bomb.Bytes()) > MaxWorkbookBytes {
		t.Fatalf("the zip bomb is %d bytes; it must be small", bomb.Len())
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps model.Problems
			if got := ReadWorkbook(name, tt.src, &ps); got != nil {
				t.Errorf("tables = %v, want none", got)
			}
			checkProblems(t, ps, []string{tt.want})
		})
	}
}

// TestWorkbookSameAsCSV reads a workbook and its CSV twin (what "Save As
// CSV UTF-8" gives) and wants the same figures.
func TestWorkbookSameAsCSV(t *testing.T) {
	inds := mustIndicators(t, testIndicators)
	book := mustXLSX(t,
		xsheet{"Long", []xc{
			{ref: "A1", str: "indicator"}, {ref: "B1", str: "period"}, {ref: "C1", str: "value"}, {ref: "D1", str: "numerator"}, {ref: "E1", str: "denominator"}, {ref: "F1", str: "target"}, {ref: "G1", str: "flag"}, {ref: "H1", str: "note"},
			{ref: "A2", str: "idva-referrals"}, {ref: "B2", str: "2022/23 Q1"}, {ref: "C2", v: "1234"}, {ref: "F2", v: "1200"}, {ref: "G2", str: "p"}, {ref: "H2", str: "First quarter"},
			{ref: "A3", str: "idva-referrals"}, {ref: "B3", str: "2022/23 Q2"}, {ref: "G3", str: "c"},
			{ref: "A4", str: "births-42-days"}, {ref: "B4", str: "2022/23 Q1"}, {ref: "C4", v: "0.978", style: 1}, {ref: "D4", v: "978"}, {ref: "E4", v: "1000"},
			{ref: "A5", str: "visits-monthly"}, {ref: "B5", v: "44652", style: 2}, {ref: "C5", f: "SUM(X5:Y5)", v: "10.5"},
		}},
		xsheet{"Wide", append(row(1, "indicator", "2021/22", "2022/23"), row(2, "employment-rate", "78.7", "79.1 [e]")...)},
	)
	long := "indicator,period,value,numerator,denominator,target,flag,note\n" +
		"idva-referrals,2022/23 Q1,\"1,234\",,,1200,p,First quarter\n" +
		"idva-referrals,2022/23 Q2,,,,,c,\n" +
		"births-42-days,2022/23 Q1,97.8%,978,1000,,,\n" +
		"visits-monthly,Apr 2022,10.5,,,,,\n"
	wide := "indicator,2021/22,2022/23\nemployment-rate,78.7,79.1 [e]\n"

	var ps model.Problems
	var fromBook, fromCSV []string
	for _, o := range WorkbookFile("data/values/kpis.xlsx", book, inds, &ps) {
		o.Pos = model.Position{}
		fromBook = append(fromBook, obsString(o))
	}
	for _, f := range []struct{ name, src string }{{"long.csv", long}, {"wide.csv", wide}} {
		for _, o := range ValuesFile(f.name, []byte(f.src), inds, &ps) {
			o.Pos = model.Position{}
			fromCSV = append(fromCSV, obsString(o))
		}
	}
	checkProblems(t, ps, nil)
	if len(fromBook) != 6 || strings.Join(fromBook, "\n") != strings.Join(fromCSV, "\n") {
		t.Errorf("workbook:\n%s\nCSV twin:\n%s", strings.Join(fromBook, "\n"), strings.Join(fromCSV, "\n"))
	}
}

func TestValuesReadsWorkbooks(t *testing.T) {
	inds := mustIndicators(t, testIndicators)
	fsys := mapFS(map[string]string{
		"data/values/a.csv":      "indicator,period,value\nidva-referrals,2022/23 Q1,1\n",
		"data/values/b.xlsx":     string(mustXLSX(t, xsheet{"Returns", append(row(1, "indicator", "period", "value"), row(2, "idva-referrals", "2022/23 Q1", "2")...)})),
		"data/values/~$b.xlsx":   "lock",
		"data/values/notes.xlsm": "x",
	})
	obs, ps := Values(fsys, inds)
	if len(obs) != 1 {
		t.Errorf("observations = %d, want 1", len(obs))
	}
	checkProblems(t, ps, []string{
		`data/values/b.xlsx:Returns!2:2: repeated observation of "idva-referrals" for 2022/23 Q1, first given at data/values/a.csv:2; expected one figure per indicator and period`,
		`data/values/notes.xlsm: warning: file is ignored; expected only *.csv and *.xlsx files in data/values/`,
		`data/values/~$b.xlsx: warning: file is ignored: it is the lock file Excel keeps while a workbook is open; expected it to go when the workbook is closed (do not commit it)`,
	})
}
