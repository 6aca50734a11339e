package load

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"kpisite/generator/model"
)

func TestReadCSV(t *testing.T) {
	const name = "data/values/test.csv"
	tests := []struct {
		name     string
		in       string
		wantRows []string // each row's cells joined with |, then @line:col of its first cell
		want     []string
	}{
		{"LF", "a,b\n1,2\n3,4\n", []string{"1|2@2:1", "3|4@3:1"}, nil},
		{"CRLF", "a,b\r\n1,2\r\n3,4\r\n", []string{"1|2@2:1", "3|4@3:1"}, nil},
		{"no final newline", "a,b\n1,2", []string{"1|2@2:1"}, nil},
		{"byte-order mark", "\ufeffa,b\n1,2\n", []string{"1|2@2:1"}, nil},
		{"quoted comma", "a,b\n\"1,234\",2\n", []string{"1,234|2@2:1"}, nil},
		{"quoted newline keeps the row's first line", "a,b\n\"two\nlines\",2\n3,4\n", []string{"two\nlines|2@2:1", "3|4@4:1"}, nil},
		{"doubled quote", "a,b\n\"the \"\"new\"\" one\",2\n", []string{"the \"new\" one|2@2:1"}, nil},
		{"blank lines skipped", "a,b\n\n1,2\n\n", []string{"1|2@3:1"}, nil},
		{"rows of empty cells skipped", "a,b\n1,2\n,\n , \n", []string{"1|2@2:1"}, nil},
		{"columns count characters", "a,b\n\"é\",x\n", []string{"é|x@2:1"}, nil},
		{"every ragged row reported", "a,b,c\n1,2\n1,2,3\n1,2,3,4\n", []string{"1|2|3@3:1"}, []string{
			`data/values/test.csv:2: row has 2 cells but the header has 3; expected 3 comma-separated cells (put a value that contains a comma in double quotes, such as "1,234")`,
			`data/values/test.csv:4: row has 4 cells but the header has 3; expected 3 comma-separated cells (put a value that contains a comma in double quotes, such as "1,234")`,
		}},
		{"unquoted thousands make a ragged row", "indicator,period,value\nk,2022/23 Q1,1,234\n", nil, []string{
			`data/values/test.csv:2: row has 4 cells but the header has 3; expected 3 comma-separated cells (put a value that contains a comma in double quotes, such as "1,234")`,
		}},
		{"bare quote, reading goes on", "a,b\n1,x\"y\n2,3\n4,5\"\n", []string{"2|3@3:1"}, []string{
			`data/values/test.csv:2:4: a double quote appears inside a cell that does not start with one; expected the whole cell in double quotes with the inner quote doubled, such as "the ""new"" service"`,
			`data/values/test.csv:4:4: a double quote appears inside a cell that does not start with one; expected the whole cell in double quotes with the inner quote doubled, such as "the ""new"" service"`,
		}},
		{"text after closing quote", "a,b\n1,\"x\"y\n2,3\n", []string{"2|3@3:1"}, []string{
			`data/values/test.csv:2:5: a quoted cell has text after its closing double quote; expected a comma or the end of the line after the closing quote (write a quote inside a quoted cell as two, "")`,
		}},
		{"unclosed quote", "a,b\n1,2\n3,\"open\n4,5\n", []string{"1|2@2:1"}, []string{
			`data/values/test.csv:3: a double quote opened on this line is never closed; expected a closing double quote at the end of the cell`,
		}},
		{"unclosed quote on the last line", "a,b\n\"x", nil, []string{
			`data/values/test.csv:2: a double quote opened on this line is never closed; expected a closing double quote at the end of the cell`,
		}},
		{"broken header stops reading", "a,\"b\nc", nil, []string{
			`data/values/test.csv:1: a double quote opened on this line is never closed; expected a closing double quote at the end of the cell`,
		}},
		{"Windows-1252 is not UTF-8", "indicator,period,value,note\nk,2022/23 Q1,5,caf\xe9\n", nil, []string{
			`data/values/test.csv:2:19: file is not valid UTF-8 (it may be Windows-1252 or Latin-1); save it as "CSV UTF-8 (Comma delimited)" from Excel, or choose UTF-8 when exporting from LibreOffice`,
		}},
		{"empty file", "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps model.Problems
			c := ReadCSV(name, []byte(tt.in), &ps)
			var rows []string
			for _, r := range c.Rows {
				var texts []string
				for _, cell := range r {
					texts = append(texts, cell.Text)
				}
				rows = append(rows, fmt.Sprintf("%s@%d:%d", strings.Join(texts, "|"), r[0].Pos.Line, r[0].Pos.Column))
			}
			if strings.Join(rows, "\n") != strings.Join(tt.wantRows, "\n") {
				t.Errorf("rows = %q, want %q", rows, tt.wantRows)
			}
			checkProblems(t, ps, tt.want)
		})
	}
}

func TestReadCSVCellPositions(t *testing.T) {
	var ps model.Problems
	c := ReadCSV("x.csv", []byte("\ufeffindicator,2022/23 Q1\n\"é\",412 [p]\n"), &ps)
	if len(ps) > 0 {
		t.Fatal(lines(ps))
	}
	if got := c.Header[1].Pos.String(); got != "x.csv:1:11" {
		t.Errorf("header cell at %s, want x.csv:1:11 (the byte-order mark is not a column)", got)
	}
	if got := c.Rows[0][1].Pos.String(); got != "x.csv:2:5" {
		t.Errorf("cell at %s, want x.csv:2:5 (columns count characters, not bytes)", got)
	}
}

func TestHeaderMatch(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  []string
		index string
	}{
		{"all columns in order", "indicator,period,value,numerator,denominator,target,flag,note", nil,
			"denominator=4 flag=6 indicator=0 note=7 numerator=3 period=1 target=5 value=2"},
		{"any order, any case, spaces trimmed", " Value ,PERIOD, indicator", nil, "indicator=2 period=1 value=0"},
		{"misspelled header caught (gocsv would ignore it)", "indicator,period,vlaue", []string{
			`x.csv:1:18: unknown column "vlaue"; did you mean "value"?`,
		}, "indicator=0 period=1"},
		{"unknown column without suggestion", "indicator,period,value,colour", []string{
			`x.csv:1:24: unknown column "colour"; expected one of indicator, period, value, numerator, denominator, target, flag, note, status`,
		}, "indicator=0 period=1 value=2"},
		{"repeated column", "indicator,period,value,Value", []string{
			`x.csv:1:24: repeated column "value", first in column 3; expected each column once`,
		}, "indicator=0 period=1 value=2"},
		{"unnamed column", "indicator,period,value,", []string{
			`x.csv:1:24: column 4 of the header has no name; expected one of indicator, period, value, numerator, denominator, target, flag, note, status, or delete the column`,
		}, "indicator=0 period=1 value=2"},
		{"missing required columns", "value,note", []string{
			`x.csv:1: missing column "indicator"; expected a header such as indicator,period,value,flag,note`,
			`x.csv:1: missing column "period"; expected a header such as indicator,period,value,flag,note`,
		}, "note=1 value=0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps model.Problems
			c := ReadCSV("x.csv", []byte(tt.in+"\n"), &ps)
			index, ok := ValuesHeader.Match(c.Header, &ps)
			checkProblems(t, ps, tt.want)
			if ok != (len(tt.want) == 0) {
				t.Errorf("ok = %v", ok)
			}
			var got []string
			for _, k := range ValuesHeader.Columns {
				if i, found := index[k]; found {
					got = append(got, fmt.Sprintf("%s=%d", k, i))
				}
			}
			sort.Strings(got)
			if strings.Join(got, " ") != tt.index {
				t.Errorf("index = %s, want %s", strings.Join(got, " "), tt.index)
			}
		})
	}
}

func TestActionsHeaderSpelling(t *testing.T) {
	var ps model.Problems
	c := ReadCSV("x.csv", []byte("Ref,Action,Committee,Milestone,Lead,Success criteria,Baseline,Status,Update,Updated\n"), &ps)
	if _, ok := ActionsHeader.Match(c.Header, &ps); !ok {
		t.Errorf("\"Success criteria\" should match success_criteria: %v", lines(ps))
	}
}
