package load

import (
	"bytes"
	"runtime"
	"sync"

	"kpisite/generator/model"
)

// minPartBytes is the least a part of a values file read on its own
// goroutine holds (valuesInParts's minPart): a file of less than two is
// read whole.
const minPartBytes = 256 << 10

// valuesInParts reads a long-format values file as valuesFile does, in
// parts read at once on several processors: the file's rows are cut at
// line ends into runs of lines, and each run is read with its own CSV
// reader, its line numbers counted from where it starts. That is the same
// reading only when no cell can hold a line end, so it is done only for a
// file with no double quote in it; and only a file read without any
// problem is kept: with the first problem, or for any file it cannot cut
// (wide format, no header on the first line, not UTF-8), it returns false
// and the file is read again whole (valuesFile), which reports every
// problem in the order it always does.
func valuesInParts(name string, src []byte, idx indicatorIndex, minPart int) ([]model.Observation, bool) {
	parts := runtime.GOMAXPROCS(0)
	if parts < 2 || len(src) < 2*minPart || bytes.IndexByte(src, '"') >= 0 {
		return nil, false
	}
	var probs model.Problems
	if !checkUTF8(name, src, utf8Advice, &probs) {
		return nil, false
	}
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	end := bytes.IndexByte(src, '\n')
	if end <= 0 || bytes.Equal(src[:end], []byte("\r")) {
		return nil, false // an empty first line: the header is further on
	}
	var header []Cell
	scanRows(name, src[:end+1], 0, -1, &probs, func(h []Cell) bool {
		header = h
		return false
	}, nil, true)
	if header == nil || len(probs) > 0 || isWide(header) {
		return nil, false
	}
	if read := valuesReader(header, idx, new([]model.Observation), &probs); read == nil || len(probs) > 0 {
		return nil, false
	}
	rows := src[end+1:]
	parts = min(parts, len(rows)/minPart)

	// The runs of lines, each ending at a line end (the last at the
	// file's end), and the lines of the file before each.
	type part struct {
		src         []byte
		linesBefore int
		obs         []model.Observation
		probs       model.Problems
		skipped     map[string]int
	}
	ps := make([]part, 0, parts)
	line := 1 // the header's
	for len(rows) > 0 {
		cut := len(rows)
		if len(ps) < parts-1 {
			want := len(rows) / (parts - len(ps))
			if n := bytes.IndexByte(rows[want:], '\n'); n >= 0 {
				cut = want + n + 1
			}
		}
		ps = append(ps, part{src: rows[:cut], linesBefore: line})
		line += bytes.Count(rows[:cut], []byte{'\n'})
		rows = rows[cut:]
	}
	// At most one observation a line: every part's go into one slice,
	// each in its own run of it, moved together at the end.
	lines := bytes.Count(src, []byte{'\n'}) + 1
	all := make([]model.Observation, 0, lines)
	var wg sync.WaitGroup
	at := 0
	for i := range ps {
		p := &ps[i]
		n := bytes.Count(p.src, []byte{'\n'})
		if !bytes.HasSuffix(p.src, []byte{'\n'}) {
			n++
		}
		p.obs = all[at:at:min(at+n, cap(all))]
		at = min(at+n, cap(all))
		wg.Go(func() {
			idx := idx
			if idx.skipped != nil {
				idx.skipped = map[string]int{}
				p.skipped = idx.skipped
			}
			read := valuesReader(header, idx, &p.obs, &p.probs)
			scanRows(name, p.src, p.linesBefore, len(header), &p.probs, nil, read, true)
		})
	}
	wg.Wait()
	n := 0
	for i := range ps {
		if len(ps[i].probs) > 0 {
			return nil, false
		}
		obs := ps[i].obs
		switch {
		case len(obs) == 0:
		case n < cap(all) && &all[:n+1][n] == &obs[0]:
			// Already in place (every row before was kept): not moved,
			// so the observations are not all read and written again.
		case copy(all[n:cap(all)], obs) < len(obs):
			return nil, false // more than a line's worth: never dropped
		}
		n += len(obs)
	}
	for i := range ps {
		for f, c := range ps[i].skipped {
			idx.skipped[f] += c
		}
	}
	return all[:n], true
}
