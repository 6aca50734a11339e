package load

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"kpisite/generator/model"
)

// Limits on a workbook, checked before it is read: the file itself, and
// what its parts unzip to (a small file can unzip to gigabytes).
const (
	MaxWorkbookBytes    = 32 << 20  // 32 MB on disk
	MaxWorkbookUnzipped = 256 << 20 // 256 MB unzipped
	// MaxWorkbookWork bounds the cell look-ups of one sheet (each costs
	// about the width of its row): some 100 million, a few seconds.
	MaxWorkbookWork = 100_000_000
)

// oleHeader starts an old binary .xls file and an encrypted workbook.
var oleHeader = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// ReadWorkbook reads every worksheet of an Excel workbook (SPEC 3.9) into
// tables, in workbook order. Sheets whose names start with "_" are
// analysts' workings and are skipped. Cells keep their typed values:
// numbers at full precision (a cell formatted as a percentage, which
// Excel stores as 0.65, reads as 65), dates as the analyst sees them
// (2022-04 for a cell formatted as a month, else 2022-04-01), formulas
// as their saved result (never recalculated). A cell that shows an Excel
// error (#DIV/0!, #N/A) is reported; in a long-format sheet its row is
// left out, in a wide one the cell is. The workbook is never written.
func ReadWorkbook(name string, src []byte, ps *model.Problems) (tables []*Table) {
	file := model.Position{Path: name}
	defer func() {
		// excelize is not ours: a workbook that makes it panic is a
		// positioned error, never a crash of the build.
		if r := recover(); r != nil {
			ps.Errorf(file, "cannot read the workbook (%v); expected a workbook saved by Excel or LibreOffice as .xlsx", r)
			tables = nil
		}
	}()
	if len(src) > MaxWorkbookBytes {
		ps.Errorf(file, "workbook is %s, more than the limit of %s; expected a smaller workbook (move old years or workings to another file)", mb(int64(len(src))), mb(MaxWorkbookBytes))
		return nil
	}
	if bytes.HasPrefix(src, oleHeader) {
		ps.Errorf(file, "file is an old Excel 97-2003 workbook (.xls) or is protected by a password; expected an Excel Workbook (.xlsx) without a password (in Excel: File, Save As, Excel Workbook)")
		return nil
	}
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		ps.Errorf(file, "file is not an Excel workbook (%v); expected a workbook saved by Excel or LibreOffice as .xlsx", err)
		return nil
	}
	var unzipped uint64
	for _, f := range zr.File {
		unzipped += f.UncompressedSize64
	}
	if unzipped > MaxWorkbookUnzipped {
		ps.Errorf(file, "workbook unzips to %s, more than the limit of %s; expected a smaller workbook (an .xlsx file is a zip archive)", mb(int64(min(unzipped, math.MaxInt64))), mb(MaxWorkbookUnzipped))
		return nil
	}
	f, err := excelize.OpenReader(bytes.NewReader(src), excelize.Options{UnzipSizeLimit: MaxWorkbookUnzipped, UnzipXMLSizeLimit: MaxWorkbookUnzipped})
	if err != nil {
		ps.Errorf(file, "cannot read the workbook: %v; expected a workbook saved by Excel or LibreOffice as .xlsx", err)
		return nil
	}
	defer f.Close()
	wb := workbook{f: f, name: name, formats: map[int]cellFormat{}}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		wb.date1904 = *props.Date1904
	}
	var out []*Table
	for _, sheet := range f.GetSheetList() {
		if strings.HasPrefix(sheet, "_") {
			continue
		}
		if t := wb.sheet(sheet, ps); t != nil {
			out = append(out, t)
		}
	}
	return out
}

func mb(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

type workbook struct {
	f        *excelize.File
	name     string
	date1904 bool
	formats  map[int]cellFormat // by style index
}

// cellFormat is what a number format means for reading a cell.
type cellFormat int

const (
	formatNumber cellFormat = iota
	formatPercent
	formatDate  // day, month and year
	formatMonth // month and year, no day
	formatYear  // a year alone
)

// sheet reads one worksheet. It returns nil for a sheet with no cells.
// Rows are streamed, and the work is bounded (see MaxWorkbookWork): a
// small hostile file can declare a million rows a thousand columns wide.
func (wb *workbook) sheet(sheet string, ps *model.Problems) *Table {
	sheetPos := model.Position{Path: wb.name, Sheet: sheet}
	rows, err := wb.f.Rows(sheet)
	if err != nil {
		ps.Errorf(sheetPos, "cannot read the sheet: %v; expected a worksheet (chart sheets are not read)", err)
		return nil
	}
	defer rows.Close()
	merges, _ := wb.f.GetMergeCells(sheet, true)
	t := &Table{Path: wb.name}
	wide := false
	work := 0
	for r := 1; rows.Next(); r++ {
		raw, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			ps.Errorf(model.Position{Path: wb.name, Sheet: sheet, Line: r}, "cannot read the row: %v; expected a worksheet saved by Excel or LibreOffice", err)
			return nil
		}
		width := len(raw)
		if t.Header != nil {
			width = min(width, len(t.Header))
		}
		cells := make([]Cell, len(raw))
		bad := false
		empty := true
		for c := range raw {
			pos := model.Position{Path: wb.name, Sheet: sheet, Line: r, Column: c + 1}
			cells[c] = Cell{Text: raw[c], Pos: pos}
			if c >= width {
				continue // right of the header: see fit
			}
			if work += len(raw) + len(merges); work > MaxWorkbookWork {
				ps.Errorf(sheetPos, "sheet is too large to read: it reaches row %d and column %s; expected a sheet of at most about %d cells (move old years to another sheet or workbook)", r, model.ColumnName(len(raw)), MaxWorkbookWork/max(1, len(raw)+len(merges)))
				return nil
			}
			text, ok := wb.cell(sheet, pos, raw[c], ps)
			cells[c].Text = text
			if !ok {
				bad = true
				cells[c].Text = ""
			}
		}
		for _, c := range cells {
			if strings.TrimSpace(c.Text) != "" {
				empty = false
				break
			}
		}
		switch {
		case empty && !bad:
			continue
		case t.Header == nil && bad:
			return nil // the header row is unreadable: already reported
		case t.Header == nil:
			t.Header = trimRight(cells)
			wide = isWide(t.Header)
			continue
		case bad && !wide:
			continue // reported; the row is left out
		}
		if cells, ok := fit(cells, len(t.Header), sheet, wb.name, r, ps); ok {
			t.Rows = append(t.Rows, cells)
		}
	}
	if err := rows.Error(); err != nil {
		ps.Errorf(sheetPos, "cannot read the sheet: %v; expected a worksheet saved by Excel or LibreOffice", err)
		return nil
	}
	if t.Header == nil {
		return nil
	}
	return t
}

// trimRight drops empty cells at the end of a header row (formatting
// often reaches further than the data).
func trimRight(cells []Cell) []Cell {
	for len(cells) > 0 && strings.TrimSpace(cells[len(cells)-1].Text) == "" {
		cells = cells[:len(cells)-1]
	}
	return cells
}

// fit makes a row as wide as the header: missing cells are empty. A
// cell beyond the header that holds anything is reported and the row is
// left out, as a CSV row with too many cells is.
func fit(cells []Cell, n int, sheet, name string, row int, ps *model.Problems) ([]Cell, bool) {
	ok := true
	for i := n; i < len(cells); i++ {
		if strings.TrimSpace(cells[i].Text) != "" {
			ps.Errorf(cells[i].Pos, "cell %q is to the right of the last column of the header; expected a header cell above it, or an empty cell", strings.TrimSpace(cells[i].Text))
			ok = false
		}
	}
	if !ok {
		return nil, false
	}
	if len(cells) >= n {
		return cells[:n], true
	}
	out := make([]Cell, n)
	copy(out, cells)
	for i := len(cells); i < n; i++ {
		out[i] = Cell{Pos: model.Position{Path: name, Sheet: sheet, Line: row, Column: i + 1}}
	}
	return out, true
}

// cell returns the text of one cell as kpisite reads it; ok is false
// for a cell that cannot be read, already reported: an Excel error
// (#DIV/0!, #N/A, and the same text typed in), or a formula with no
// saved result.
func (wb *workbook) cell(sheet string, pos model.Position, raw string, ps *model.Problems) (text string, ok bool) {
	ref := pos.Cell()
	if raw == "" {
		if formula, _ := wb.f.GetCellFormula(sheet, ref); formula != "" {
			ps.Errorf(pos, "cell has the formula =%s but no saved result; expected a value (open the workbook in Excel or LibreOffice and save it, so that the results are saved; kpisite never recalculates)", formula)
			return "", false
		}
		return "", true
	}
	if excelErrors[strings.ToUpper(strings.TrimSpace(raw))] {
		ps.Errorf(pos, "cell shows the Excel error %s; expected a number, or an empty value with flag x (not available) and a note saying why", strings.TrimSpace(raw))
		return "", false
	}
	typ, err := wb.f.GetCellType(sheet, ref)
	if err != nil {
		return raw, true
	}
	switch typ {
	case excelize.CellTypeBool:
		// Stored as 1 or 0: never read as a number.
		if raw == "1" {
			return "TRUE", true
		}
		return "FALSE", true
	case excelize.CellTypeNumber, excelize.CellTypeUnset:
		if v, err := strconv.ParseFloat(raw, 64); err == nil {
			return wb.number(sheet, ref, v), true
		}
	case excelize.CellTypeDate: // an ISO 8601 date, as some programs write
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", time.DateOnly} {
			if d, err := time.Parse(layout, raw); err == nil {
				return wb.date(sheet, ref, d), true
			}
		}
	}
	return raw, true
}

// excelErrors are the values Excel shows for a formula that failed.
var excelErrors = map[string]bool{
	"#NULL!": true, "#DIV/0!": true, "#VALUE!": true, "#REF!": true, "#NAME?": true, "#NUM!": true,
	"#N/A": true, "#GETTING_DATA": true, "#SPILL!": true, "#CALC!": true, "#FIELD!": true,
	"#BLOCKED!": true, "#CONNECT!": true, "#BUSY!": true, "#UNKNOWN!": true,
}

// number writes a number cell as text, by its number format.
func (wb *workbook) number(sheet, ref string, v float64) string {
	switch wb.format(sheet, ref) {
	case formatPercent:
		return plainNumber(v * 100)
	case formatDate, formatMonth, formatYear:
		if d, err := excelize.ExcelDateToTime(v, wb.date1904); err == nil {
			return wb.date(sheet, ref, d)
		}
	}
	return plainNumber(v)
}

// date writes a date as the analyst sees it: a month or a year when the
// cell's format shows no day.
func (wb *workbook) date(sheet, ref string, d time.Time) string {
	switch wb.format(sheet, ref) {
	case formatMonth:
		return d.Format("2006-01")
	case formatYear:
		return d.Format("2006")
	}
	return d.Format(time.DateOnly)
}

// plainNumber writes v with at most 15 significant digits, as Excel shows
// it: 0.1+0.2 is 0.3, not 0.30000000000000004.
func plainNumber(v float64) string {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		r = v
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// format is the meaning of a cell's number format.
func (wb *workbook) format(sheet, ref string) cellFormat {
	idx, err := wb.f.GetCellStyle(sheet, ref)
	if err != nil {
		return formatNumber
	}
	if cf, ok := wb.formats[idx]; ok {
		return cf
	}
	cf := formatNumber
	if st, err := wb.f.GetStyle(idx); err == nil && st != nil {
		if st.CustomNumFmt != nil {
			cf = classifyFormat(*st.CustomNumFmt)
		} else {
			cf = builtinFormats[st.NumFmt]
		}
	}
	wb.formats[idx] = cf
	return cf
}

// builtinFormats are Excel's built-in number formats that are not plain
// numbers (ECMA-376 part 1, 18.8.30).
var builtinFormats = map[int]cellFormat{
	9: formatPercent, 10: formatPercent,
	14: formatDate, 15: formatDate, 16: formatDate, 17: formatMonth, 22: formatDate,
}

// classifyFormat reads a custom number format code: a percent sign
// outside quotes makes a percentage; y, m and d outside quotes make a
// date (a month when there is no d, a year when there is only y). Time
// formats (h:mm) are numbers here.
func classifyFormat(code string) cellFormat {
	if i := strings.IndexByte(code, ';'); i >= 0 {
		code = code[:i] // the format of positive numbers
	}
	var y, m, d, h, pct bool
	quoted := false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\\' || c == '_' || c == '*':
			i++ // the next character is literal
		case c == '[':
			if j := strings.IndexByte(code[i:], ']'); j >= 0 {
				i += j // a colour or locale, such as [Red] or [$-809]
			}
		case c == '%':
			pct = true
		case c == 'y' || c == 'Y' || c == 'e':
			y = true
		case c == 'm' || c == 'M':
			m = true
		case c == 'd' || c == 'D':
			d = true
		case c == 'h' || c == 'H' || c == 's' || c == 'S':
			h = true
		}
	}
	switch {
	case pct:
		return formatPercent
	case y && m && d:
		return formatDate
	case y && m:
		return formatMonth
	case y && !h:
		return formatYear
	case m && d:
		return formatDate
	}
	return formatNumber
}
