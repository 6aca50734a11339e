package load

import (
	"fmt"
	"strings"
	"testing"

	"kpisite/generator/model"
)

// obsString writes an observation compactly: "id period value [num/den] [target] flag note @pos".
func obsString(o model.Observation) string {
	v := func(x model.Value) string {
		if !x.Valid {
			return "-"
		}
		return formatFloat(x.V)
	}
	s := fmt.Sprintf("%s %s %s", o.Indicator, o.Period, v(o.Value))
	if o.Numerator.Valid || o.Denominator.Valid {
		s += fmt.Sprintf(" %s/%s", v(o.Numerator), v(o.Denominator))
	}
	if o.Target.Valid {
		s += " target=" + v(o.Target)
	}
	if o.Flag != "" {
		s += " [" + string(o.Flag) + "]"
	}
	if o.Note != "" {
		s += " " + o.Note
	}
	return s + " @" + o.Pos.String()
}

func TestValuesFile(t *testing.T) {
	const header = "indicator,period,value,numerator,denominator,target,flag,note\n"
	tests := []struct {
		name string
		in   string
		obs  []string
		want []string
	}{
		{"long format", header +
			"idva-referrals,2022/23 Q1,412,,,430,p,Provisional\n" +
			"idva-referrals,Q2 2022/23,\"1,234\",,,,,\n" +
			"visits-monthly,Apr 2022,10,,,,,\n" +
			"employment-rate,2021-22,78.7%,,,,e,\n",
			[]string{
				"idva-referrals 2022/23 Q1 412 target=430 [p] Provisional @data/values/v.csv:2",
				"idva-referrals 2022/23 Q2 1234 @data/values/v.csv:3",
				"visits-monthly 2022-04 10 @data/values/v.csv:4",
				"employment-rate 2021/22 78.7 [e] @data/values/v.csv:5",
			}, nil},
		{"minimal columns in another order", "Period,Indicator,Value\n2022/23 Q1,idva-referrals,5\n",
			[]string{"idva-referrals 2022/23 Q1 5 @data/values/v.csv:2"}, nil},
		{"gocsv trap: empty cell stays missing, never 0", header + "idva-referrals,2022/23 Q1,,,,,c,\n",
			[]string{"idva-referrals 2022/23 Q1 - [c] @data/values/v.csv:2"}, nil},
		{"gocsv trap: empty target stays missing", header + "idva-referrals,2022/23 Q1,0,,,,,\n",
			[]string{"idva-referrals 2022/23 Q1 0 @data/values/v.csv:2"}, nil},
		{"gocsv trap: misspelled header is an error, not a dropped column", "indicator,period,value,flg\nidva-referrals,2022/23 Q1,5,p\n",
			[]string{"idva-referrals 2022/23 Q1 5 @data/values/v.csv:2"}, []string{
				`data/values/v.csv:1:24: unknown column "flg"; did you mean "flag"?`,
			}},
		{"gocsv trap: flag column (a text type) is read, not skipped", "indicator,period,value,flag\nidva-referrals,2022/23 Q1,5,R\n",
			[]string{"idva-referrals 2022/23 Q1 5 [r] @data/values/v.csv:2"}, nil},
		{"gocsv trap: parse error has its line and column, not line 0", header + "idva-referrals,2022/23 Q1,5,,,,,say \"hi\"\n", nil, []string{
			`data/values/v.csv:2:37: a double quote appears inside a cell that does not start with one; expected the whole cell in double quotes with the inner quote doubled, such as "the ""new"" service"`,
		}},
		{"flag in brackets", header + "idva-referrals,2022/23 Q1,5,,,,[p],\n",
			[]string{"idva-referrals 2022/23 Q1 5 [p] @data/values/v.csv:2"}, nil},
		{"confidential with a value keeps the value", header + "idva-referrals,2022/23 Q1,3,,,,c,\n",
			[]string{"idva-referrals 2022/23 Q1 3 [c] @data/values/v.csv:2"}, nil},
		{"value from numerator and denominator", header + "births-42-days,2022/23 Q1,,1772,1812,,,\n",
			[]string{"births-42-days 2022/23 Q1 97.7925 1772/1812 @data/values/v.csv:2"}, nil},
		{"value agrees with numerator and denominator after rounding", header + "births-42-days,2022/23 Q1,98,1772,1812,,,\nbirths-42-days,2022/23 Q2,97.8,1772,1812,,,\n",
			[]string{"births-42-days 2022/23 Q1 98 1772/1812 @data/values/v.csv:2", "births-42-days 2022/23 Q2 97.8 1772/1812 @data/values/v.csv:3"}, nil},
		{"numerator and denominator without a value column", "indicator,period,numerator,denominator\nbirths-42-days,2022/23 Q1,1,4\n",
			[]string{"births-42-days 2022/23 Q1 25 1/4 @data/values/v.csv:2"}, nil},
		{"percent sign on a count", header + "idva-referrals,2022/23 Q1,65%,,,70%,,\n",
			[]string{"idva-referrals 2022/23 Q1 65 target=70 @data/values/v.csv:2"}, []string{
				`data/values/v.csv:2:27: warning: column "value": "65%" has a percent sign but "idva-referrals" is measured in count; expected a plain number`,
				`data/values/v.csv:2:33: warning: column "target": "70%" has a percent sign but "idva-referrals" is measured in count; expected a plain number`,
			}},
		{"pound sign on a percentage", header + "births-42-days,2022/23 Q1,£5,,,,,\n",
			[]string{"births-42-days 2022/23 Q1 5 @data/values/v.csv:2"}, []string{
				`data/values/v.csv:2:27: warning: column "value": "£5" has a pound sign but "births-42-days" is measured in percent; expected a plain number`,
			}},
		{"UTF-16 file", "i\x00n\x00d\x00", nil, []string{
			`data/values/v.csv:1:2: file has NUL bytes, so it is probably UTF-16 ("Unicode Text"), not UTF-8; save it as "CSV UTF-8 (Comma delimited)" from Excel, or choose UTF-8 when exporting from LibreOffice`,
		}},
		{"value not a number", header + "idva-referrals,2022/23 Q1,4l2,,,,,\n", nil, []string{
			`data/values/v.csv:2:27: column "value": "4l2" is not a number; expected a number such as 1234, 1,234 or 65%`,
		}},
		{"every bad cell of a row at once", header + "idva-referrals,2022/23 Q1,x,y,z,t,q,\n", nil, []string{
			`data/values/v.csv:2:27: column "value": "x" is not a number; expected a number such as 1234, 1,234 or 65%`,
			`data/values/v.csv:2:29: column "numerator": "y" is not a number; expected a number such as 1234, 1,234 or 65%`,
			`data/values/v.csv:2:31: column "denominator": "z" is not a number; expected a number such as 1234, 1,234 or 65%`,
			`data/values/v.csv:2:33: column "target": "t" is not a number; expected a number such as 1234, 1,234 or 65%`,
			`data/values/v.csv:2:35: column "flag": "q" is not a flag; expected one of p (provisional), r (revised), e (estimated), u (low reliability), c (confidential), x (not available), z (not applicable)`,
		}},
		{"empty value without a flag", header + "idva-referrals,2022/23 Q1,,,,,p,\n", nil, []string{
			`data/values/v.csv:2:27: column "value" is empty; expected a number, or a flag c, x or z that says why it is missing`,
		}},
		{"empty value and no value column", "indicator,period,numerator,denominator\nbirths-42-days,2022/23 Q1,,\n", nil, []string{
			`data/values/v.csv:2: column "value" is empty; expected a number, or a flag c, x or z that says why it is missing`,
		}},
		{"value disagrees with numerator and denominator", header + "births-42-days,2022/23 Q1,96.5,1772,1812,,,\n", nil, []string{
			`data/values/v.csv:2:27: column "value": 96.5 does not agree with 100 × numerator / denominator = 97.7925; expected them to agree to within 0.05, or an empty value`,
		}},
		{"zero denominator", header + "births-42-days,2022/23 Q1,,5,0,,,\n", nil, []string{
			`data/values/v.csv:2:30: column "denominator" is 0; expected a number above 0 (value = 100 × numerator / denominator)`,
		}},
		{"numerator without denominator", header + "births-42-days,2022/23 Q1,,5,,,,\n", nil, []string{
			`data/values/v.csv:2:30: column "denominator" is empty but "numerator" is given; expected both numerator and denominator, or neither`,
		}},
		{"value given with flag x", header + "idva-referrals,2022/23 Q1,5,,,,x,\n",
			[]string{"idva-referrals 2022/23 Q1 5 [x] @data/values/v.csv:2"}, []string{
				`data/values/v.csv:2:32: warning: column "flag": "x" means not available, but the row has the value 5; expected an empty value with this flag`,
			}},
		{"unknown indicator with suggestion", header + "idva-referals,2022/23 Q1,5,,,,,\n", nil, []string{
			`data/values/v.csv:2:1: column "indicator": "idva-referals" is not an indicator id; did you mean "idva-referrals"?`,
		}},
		{"unknown indicator without suggestion", header + "library-visits,2022/23 Q1,5,,,,,\n", nil, []string{
			`data/values/v.csv:2:1: column "indicator": "library-visits" is not an indicator id; expected the id of an [[indicator]] in data/indicators/*.toml`,
		}},
		{"unknown indicator and bad period both reported", header + "nope,2022/23 Q9,5,,,,,\n", nil, []string{
			`data/values/v.csv:2:1: column "indicator": "nope" is not an indicator id; expected the id of an [[indicator]] in data/indicators/*.toml`,
			`data/values/v.csv:2:6: column "period": "2022/23 Q9" is not a period; expected "2022/23 Q1", "2022-04", "2022/23", "2022 Q2" or "2022"`,
		}},
		{"empty indicator and period", header + ",,5,,,,,\n", nil, []string{
			`data/values/v.csv:2:1: column "indicator" is empty; expected an indicator id such as "idva-referrals"`,
			`data/values/v.csv:2:2: column "period" is empty; expected a period such as "2022/23 Q1"`,
		}},
		{"month for a quarterly indicator", header + "idva-referrals,2022-04,5,,,,,\n", nil, []string{
			`data/values/v.csv:2:16: column "period": "2022-04" is not a quarter; expected a quarterly period such as "2022/23 Q1" ("idva-referrals" is quarterly)`,
		}},
		{"quarter for an annual indicator", header + "employment-rate,2022/23 Q1,5,,,,,\n", nil, []string{
			`data/values/v.csv:2:17: column "period": "2022/23 Q1" is not a financial year; expected an annual period such as "2022/23" ("employment-rate" is annual)`,
		}},
		{"missing value column", "indicator,period,note\nidva-referrals,2022/23 Q1,x\n", nil, []string{
			`data/values/v.csv:1: missing column "value"; expected a header such as indicator,period,value,flag,note (or numerator and denominator columns)`,
		}},
		{"numerator column without denominator column", "indicator,period,numerator\nidva-referrals,2022/23 Q1,5\n", nil, []string{
			`data/values/v.csv:1: missing column "value" (or "denominator" to go with "numerator"); expected a header such as indicator,period,value,flag,note`,
		}},
		{"missing indicator column", "period,value\n2022/23 Q1,5\n", nil, []string{
			`data/values/v.csv:1: missing column "indicator"; expected a header such as indicator,period,value,flag,note`,
		}},
		{"empty file", "", nil, []string{
			`data/values/v.csv:1: file has no header row; expected a header such as indicator,period,value,flag,note`,
		}},
		{"header only", header, nil, nil},
	}
	inds := mustIndicators(t, testIndicators)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps model.Problems
			obs := ValuesFile("data/values/v.csv", []byte(tt.in), inds, &ps)
			var got []string
			for _, o := range obs {
				got = append(got, obsString(o))
			}
			if strings.Join(got, "\n") != strings.Join(tt.obs, "\n") {
				t.Errorf("observations:\n got: %q\nwant: %q", got, tt.obs)
			}
			checkProblems(t, ps, tt.want)
		})
	}
}

func TestValuesWide(t *testing.T) {
	tests := []struct {
		name string
		in   string
		obs  []string
		want []string
	}{
		{"wide format", "indicator,2022/23 Q1,2022/23 Q2,2022/23 Q3\n" +
			"idva-referrals,412,\"1,234 [p]\",[c]\n",
			[]string{
				"idva-referrals 2022/23 Q1 412 @data/values/w.csv:2:16",
				"idva-referrals 2022/23 Q2 1234 [p] @data/values/w.csv:2:20",
				"idva-referrals 2022/23 Q3 - [c] @data/values/w.csv:2:32",
			}, nil},
		{"empty cell is no observation", "indicator,2022/23 Q1,2022/23 Q2\nidva-referrals,,5\n",
			[]string{"idva-referrals 2022/23 Q2 5 @data/values/w.csv:2:17"}, nil},
		{"flag without space and in capitals", "indicator,2022/23 Q1\nidva-referrals,5[P]\n",
			[]string{"idva-referrals 2022/23 Q1 5 [p] @data/values/w.csv:2:16"}, nil},
		{"other spellings of periods", "Indicator,Q1 2022/23,2022-23 Q2\nidva-referrals,1,2\n",
			[]string{"idva-referrals 2022/23 Q1 1 @data/values/w.csv:2:16", "idva-referrals 2022/23 Q2 2 @data/values/w.csv:2:18"}, nil},
		{"months", "indicator,Apr 2022,2022-05\nvisits-monthly,1,2\n",
			[]string{"visits-monthly 2022-04 1 @data/values/w.csv:2:16", "visits-monthly 2022-05 2 @data/values/w.csv:2:18"}, nil},
		{"bad cell", "indicator,2022/23 Q1\nidva-referrals,4l2 [p]\n", nil, []string{
			`data/values/w.csv:2:16: cell "4l2 [p]": "4l2" is not a number; expected a number such as 1234, 1,234 or 65%, optionally followed by a flag such as [p]`,
		}},
		{"bad flag", "indicator,2022/23 Q1\nidva-referrals,5 [q]\n", nil, []string{
			`data/values/w.csv:2:16: cell "5 [q]": "[q]" is not a flag; expected one of p (provisional), r (revised), e (estimated), u (low reliability), c (confidential), x (not available), z (not applicable)`,
		}},
		{"empty brackets", "indicator,2022/23 Q1\nidva-referrals,5 []\n", nil, []string{
			`data/values/w.csv:2:16: cell "5 []": "[]" is not a flag; expected one of p (provisional), r (revised), e (estimated), u (low reliability), c (confidential), x (not available), z (not applicable)`,
		}},
		{"flag that does not explain a missing number", "indicator,2022/23 Q1\nidva-referrals,[p]\n", nil, []string{
			`data/values/w.csv:2:16: cell "[p]" has no number; expected a number such as 412 [p], or [c], [x] or [z] for a missing value`,
		}},
		{"header cell that is not a period", "indicator,2022/23 Q1,2022/23 Q5\nidva-referrals,1,2\n",
			[]string{"idva-referrals 2022/23 Q1 1 @data/values/w.csv:2:16"}, []string{
				`data/values/w.csv:1:22: column "2022/23 Q5" is not a period; expected a period such as "2022/23 Q1", "2022-04" or "2022/23" (a wide-format header is indicator followed by one period per column, and may have code and target columns), or the column's name in site.toml [values] ignore_columns`,
			}},
		{"same period twice in the header", "indicator,2022/23 Q1,2022-23 Q1\nidva-referrals,1,2\n",
			[]string{"idva-referrals 2022/23 Q1 1 @data/values/w.csv:2:16"}, []string{
				`data/values/w.csv:1:22: repeated column for 2022/23 Q1, first in column 2; expected each period once`,
			}},
		{"period of the wrong frequency for the row", "indicator,2022-04\nidva-referrals,5\nvisits-monthly,6\n",
			[]string{"visits-monthly 2022-04 6 @data/values/w.csv:3:16"}, []string{
				`data/values/w.csv:2:16: column "2022-04": "2022-04" is not a quarter; expected a quarterly period such as "2022/23 Q1" ("idva-referrals" is quarterly)`,
			}},
		{"unknown indicator", "indicator,2022/23 Q1\nidva-referal,5\n", nil, []string{
			`data/values/w.csv:2:1: column "indicator": "idva-referal" is not an indicator id; did you mean "idva-referrals"?`,
		}},
		{"ragged wide row", "indicator,2022/23 Q1,2022/23 Q2\nidva-referrals,1,234,5\n", nil, []string{
			`data/values/w.csv:2: row has 4 cells but the header has 3; expected 3 comma-separated cells (put a value that contains a comma in double quotes, such as "1,234")`,
		}},
	}
	inds := mustIndicators(t, testIndicators)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps model.Problems
			obs := ValuesFile("data/values/w.csv", []byte(tt.in), inds, &ps)
			var got []string
			for _, o := range obs {
				got = append(got, obsString(o))
			}
			if strings.Join(got, "\n") != strings.Join(tt.obs, "\n") {
				t.Errorf("observations:\n got: %q\nwant: %q", got, tt.obs)
			}
			checkProblems(t, ps, tt.want)
		})
	}
}

func TestValuesRepeatedAcrossFiles(t *testing.T) {
	inds := mustIndicators(t, testIndicators)
	fsys := mapFS(map[string]string{
		"data/values/a.csv":      "indicator,period,value\nidva-referrals,2022/23 Q1,5\nidva-referrals,2022/23 Q1,6\n",
		"data/values/b.csv":      "indicator,2022-23 Q1\nidva-referrals,7\n",
		"data/values/notes.txt":  "not data",
		"data/values/.gitkeep":   "",
		"data/values/old/x.csv":  "indicator,period,value\n",
		"data/values/upper.CSV":  "indicator,period,value\nvisits-monthly,2022-04,1\n",
		"data/values/empty.csv":  "indicator,period,value\n",
		"data/values/broken.csv": "\xff",
	})
	obs, ps := Values(fsys, inds)
	checkProblems(t, ps, []string{
		`data/values/a.csv:3: repeated observation of "idva-referrals" for 2022/23 Q1, first given at data/values/a.csv:2; expected one figure per indicator and period`,
		`data/values/b.csv:2:16: repeated observation of "idva-referrals" for 2022/23 Q1, first given at data/values/a.csv:2; expected one figure per indicator and period`,
		`data/values/broken.csv:1:1: file is not valid UTF-8 (it may be Windows-1252 or Latin-1); save it as "CSV UTF-8 (Comma delimited)" from Excel, or choose UTF-8 when exporting from LibreOffice`,
		`data/values/notes.txt: warning: file is ignored; expected only *.csv and *.xlsx files in data/values/`,
		`data/values/old: warning: folder is ignored; expected only *.csv and *.xlsx files directly in data/values/`,
	})
	if len(obs) != 2 || obs[0].Value.V != 5 || obs[1].Indicator != "visits-monthly" {
		t.Errorf("observations = %v", obs)
	}
}
