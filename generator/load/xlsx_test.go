package load

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"strings"
	"testing"
)

// Workbooks for tests, written as the XML parts of an .xlsx file so that
// each cell's type, style, formula and saved result is exactly as Excel
// writes them (excelize can write neither error cells nor a formula with
// its saved result).

// xc is one cell: a number, a string, or raw parts.
type xc struct {
	ref   string // "C7"
	t     string // cell type: "" number, "s"... ; "str" formula string, "e" error, "b" bool
	style int    // index into testStyles
	f     string // formula, without "="
	v     string // saved value
	str   string // inline string (sets t="inlineStr")
}

type xsheet struct {
	name  string
	cells []xc
}

// Styles: 0 general, 1 percent (built-in 9), 2 month (built-in 17),
// 3 date (built-in 14), 4 custom "mmm yyyy", 5 custom "0.0%".
const testStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="mmm\ yyyy"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="6">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="17" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
</styleSheet>`

// mustXLSX writes a workbook with the given sheets.
func mustXLSX(tb testing.TB, sheets ...xsheet) []byte {
	tb.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	put := func(name, body string) {
		w, err := z.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			tb.Fatal(err)
		}
	}
	var ct, wbSheets, rels strings.Builder
	for i, s := range sheets {
		n := i + 1
		fmt.Fprintf(&ct, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, n)
		fmt.Fprintf(&wbSheets, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, html.EscapeString(s.name), n, n)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, n, n)
		put(fmt.Sprintf("xl/worksheets/sheet%d.xml", n), sheetXML(s.cells))
	}
	put("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`+ct.String()+`</Types>`)
	put("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`+wbSheets.String()+`</sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels.String()+fmt.Sprintf(`<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`, len(sheets)+1)+`</Relationships>`)
	put("xl/styles.xml", testStyles)
	if err := z.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// sheetXML writes cells, which must be in row order.
func sheetXML(cells []xc) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	row := ""
	for _, c := range cells {
		r := strings.TrimLeft(c.ref, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
		if r != row {
			if row != "" {
				b.WriteString("</row>")
			}
			fmt.Fprintf(&b, `<row r="%s">`, r)
			row = r
		}
		t := c.t
		if c.str != "" {
			t = "inlineStr"
		}
		fmt.Fprintf(&b, `<c r="%s"`, c.ref)
		if t != "" {
			fmt.Fprintf(&b, ` t="%s"`, t)
		}
		if c.style != 0 {
			fmt.Fprintf(&b, ` s="%d"`, c.style)
		}
		b.WriteString(">")
		if c.f != "" {
			fmt.Fprintf(&b, "<f>%s</f>", html.EscapeString(c.f))
		}
		if c.str != "" {
			fmt.Fprintf(&b, "<is><t>%s</t></is>", html.EscapeString(c.str))
		} else if c.v != "" {
			fmt.Fprintf(&b, "<v>%s</v>", html.EscapeString(c.v))
		}
		b.WriteString("</c>")
	}
	if row != "" {
		b.WriteString("</row>")
	}
	b.WriteString("</sheetData></worksheet>")
	return b.String()
}

// row makes the cells of one row from texts: a text that parses as a
// number is a number cell, "" is no cell.
func row(n int, texts ...string) []xc {
	var out []xc
	for i, s := range texts {
		if s == "" {
			continue
		}
		ref := fmt.Sprintf("%c%d", 'A'+i, n)
		if isNumberText(s) {
			out = append(out, xc{ref: ref, v: s})
		} else {
			out = append(out, xc{ref: ref, str: s})
		}
	}
	return out
}

func isNumberText(s string) bool {
	var f float64
	_, err := fmt.Sscan(s, &f)
	return err == nil && !strings.ContainsAny(s, " ,%[")
}
