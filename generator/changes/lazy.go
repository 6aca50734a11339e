package changes

import (
	"bytes"
	"encoding/csv"
	"hash/maphash"
	"slices"
	"sync"

	"kpisite/generator/model"
)

// ReadCSV reads the previous release's data/all.csv as ParseCSV does,
// with the same table and the same problems, but its rows are read only
// when they are first needed (Record comparing figures, ParseCSVFrom
// reusing them). A rebuild of a release that was not compared (Compares)
// never needs them: it only has to know the file is sound, which a scan
// of its lines and a sorted list of each indicator's keys' hashes tell,
// without a row or a map of them. A file the scan cannot vouch for (any quote or carriage
// return after the header, a row of the wrong length, an empty indicator
// or period, an indicator's rows apart, two rows whose keys hash alike)
// is read by ParseCSV at once, so the problems reported are always
// ParseCSV's.
func ReadCSV(name string, data []byte) (*Table, model.Problems) {
	body := bytes.TrimPrefix(data, []byte("\ufeff"))
	if !soundCSV(name, body) {
		return ParseCSV(name, data)
	}
	return &Table{data: body, lazy: &lazyRows{name: name}}, nil
}

// ReadPrevious reads the previous release's data/all.csv, h its history
// (nil: none): by ParseCSV at once when this release is likely to be
// compared with it, else by ReadCSV, its rows left unread. Only a release
// built again whose newest recorded release was not compared (the usual
// rebuild of a site whose published date has not moved) is not compared
// (Compares); a build reads the file before it knows its release's id,
// beside loading the site, so that comparing later need not wait for
// the rows, and a file whose rows will be read is not also checked.
func ReadPrevious(name string, data []byte, h *History) (*Table, model.Problems) {
	if h != nil && len(h.Releases) > 0 && !h.Releases[0].Compared {
		return ReadCSV(name, data)
	}
	return ParseCSV(name, data)
}

// lazyRows is how a table made by ReadCSV reads its rows, once.
type lazyRows struct {
	once sync.Once
	name string
}

// read reads t's rows if ReadCSV left them unread, and returns t. Every
// function of this package that uses a table's rows is given a table
// read (or made by ParseCSV). Safe for concurrent use.
func (t *Table) read() *Table {
	if t == nil || t.lazy == nil {
		return t
	}
	t.lazy.once.Do(func() {
		// soundCSV vouched for the file: ParseCSV finds no problem.
		if full, _ := ParseCSV(t.lazy.name, t.data); full != nil {
			t.Rows, t.byKey, t.starts = full.Rows, full.byKey, full.starts
		}
	})
	return t
}

// soundCSV reports whether ParseCSV reads data (without a byte order
// mark) without a problem. False may also mean only that it cannot tell.
func soundCSV(name string, data []byte) bool {
	r := csv.NewReader(bytes.NewReader(data))
	header, err := r.Read()
	if err != nil {
		return false
	}
	cols, probs := readHeader(name, header)
	if probs.HasErrors() {
		return false
	}
	rest := data[r.InputOffset():]
	fields := len(header)
	ends := make([]int, fields) // where each field of the line ends, in rest
	// The rows of one indicator follow on in a file kpisite wrote; two
	// rows of one key are two of one run, whose hashes are sorted.
	var hashes []uint64 // of the run's keys but its indicator
	var runOf []byte    // the run's indicator
	runs := map[string]bool{}
	endRun := func() bool {
		slices.Sort(hashes)
		for i := 1; i < len(hashes); i++ {
			if hashes[i] == hashes[i-1] {
				return false // two rows with one key, or a collision: ParseCSV tells
			}
		}
		return true
	}
	seed := maphash.MakeSeed()
	var h maphash.Hash
	h.SetSeed(seed)
	// One pass over the lines. Without quotes and carriage returns,
	// csv.Reader splits each line at its commas and skips empty lines
	// (rowReader): a line is a record of as many fields as the header.
	line, field := 0, 0 // where the line starts; its field being read
	for i := 0; i <= len(rest); i++ {
		c := byte('\n') // the last line may end without a newline
		if i < len(rest) {
			c = rest[i]
			if byteClass[c] == plainByte {
				continue
			}
		}
		switch c {
		case ',':
			if field == fields-1 {
				return false // too many fields
			}
			ends[field] = i
			field++
			continue
		case '"', '\r':
			return false
		}
		// The end of a line.
		if i == line {
			line = i + 1
			continue // an empty line
		}
		if field != fields-1 {
			return false // too few fields
		}
		ends[field] = i
		at := func(f int) []byte {
			if f == 0 {
				return rest[line:ends[0]]
			}
			return rest[ends[f-1]+1 : ends[f]]
		}
		indicator, period := at(cols.indicator), at(cols.period)
		if len(indicator) == 0 || len(period) == 0 {
			return false
		}
		if runOf == nil || !bytes.Equal(indicator, runOf) {
			if !endRun() || runs[string(indicator)] {
				return false // or an indicator's rows apart: ParseCSV tells
			}
			runs[string(indicator)] = true
			runOf, hashes = indicator, hashes[:0]
		}
		// The hash of the row's key (rowKey) but its indicator: equal
		// keys hash alike.
		dims := false
		for _, f := range cols.keyIdx {
			if len(at(f)) > 0 {
				dims = true
				break
			}
		}
		var more uint64 // the hash of the key's period and breakdown
		if !dims {
			more = maphash.Bytes(seed, period)
		} else {
			h.Reset()
			h.Write(period)
			for j, f := range cols.keyIdx {
				if v := at(f); len(v) > 0 {
					h.WriteByte(0)
					h.WriteString(cols.keyCols[j])
					h.WriteByte('=')
					h.Write(v)
				}
			}
			more = h.Sum64()
		}
		hashes = append(hashes, more)
		line, field = i+1, 0
	}
	return endRun()
}

// byteClass sorts the bytes soundCSV looks for (a comma, a newline, a
// quote, a carriage return) from the rest.
var byteClass = func() (c [256]uint8) {
	for _, b := range []byte{',', '\n', '"', '\r'} {
		c[b] = 1
	}
	return c
}()

const plainByte = 0
