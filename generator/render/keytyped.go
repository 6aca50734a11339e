package render

import (
	"encoding/binary"
	"math"

	"kpisite/generator/model"
)

// More typed writers (see the end of keyhash.go): the indicator
// definitions, hashed for every page's key and for each series', and the
// commentary and content pages, hashed for the keys of every page that
// shows them. Each writes exactly the bytes value writes for its type;
// TestTypedHashing holds them to it, so a field added to one of these
// types fails that test until it is written here too.

// indicators writes a []*model.Indicator as value does.
func (h *hasher) indicators(inds []*model.Indicator) { sliceOf(h, inds, (*hasher).indicatorPtr) }

// indicatorPtr writes a *model.Indicator as value does.
func (h *hasher) indicatorPtr(ind *model.Indicator) {
	if h.ptr(ind == nil) {
		h.indicator(ind)
	}
}

// indicator writes a model.Indicator as value does.
func (h *hasher) indicator(ind *model.Indicator) {
	h.buf = append(h.buf, '(')
	h.str(ind.ID)
	h.str(ind.Title)
	h.str(ind.ShortTitle)
	h.str(ind.Service)
	h.buf = binary.AppendUvarint(h.buf, uint64(ind.Frequency))
	h.str(string(ind.Unit))
	h.float(ind.RatePer)
	h.int(ind.Decimals)
	h.str(string(ind.Polarity))
	h.str(string(ind.Measure))
	h.targetRule(&ind.Target)
	if h.list(ind.TargetList == nil, len(ind.TargetList)) {
		for i := range ind.TargetList {
			h.targetRule(&ind.TargetList[i])
		}
	}
	if ind.Baseline == nil {
		h.buf = append(h.buf, 'n')
	} else {
		bl := ind.Baseline
		h.buf = append(h.buf, '*', '(')
		h.modelValue(bl.Value)
		h.str(bl.Period)
		h.str(bl.Note)
		h.buf = append(h.buf, ')')
	}
	h.str(ind.Definition)
	h.str(ind.Rationale)
	h.str(ind.Source)
	h.str(ind.Lead)
	h.str(ind.LegacyID)
	h.str(string(ind.Lifecycle))
	h.period(ind.RetiredFrom)
	h.strs(ind.ReplacedBy)
	h.str(string(ind.Outcome))
	h.int(ind.SuppressBelow)
	h.str(string(ind.Compare))
	h.str(ind.Noun)
	h.boolean(ind.Forecast)
	h.calendar(ind.Cal)
	h.str(ind.UnitLabel)
	h.str(ind.Code)
	h.str(ind.SourceURL)
	h.str(ind.Released)
	h.str(ind.NextRelease)
	h.str(ind.Geography)
	h.strs(ind.Footnotes)
	h.int(ind.ExpectedLag)
	h.strs(ind.Breakdowns)
	h.int(ind.Confidence)
	if ind.Area == nil {
		h.buf = append(h.buf, 'n')
	} else {
		h.buf = append(h.buf, '*', '(')
		h.str(ind.Area.Code)
		h.str(ind.Area.Name)
		h.buf = append(h.buf, ')')
	}
	h.translations(ind.Translations)
	h.position(ind.Pos)
	stringMap(h, ind.FieldPos, (*hasher).position)
	h.buf = append(h.buf, ')')
}

// targetRule writes a model.TargetRule as value does.
func (h *hasher) targetRule(r *model.TargetRule) {
	h.buf = append(h.buf, '(')
	h.str(string(r.Kind))
	h.modelValue(r.Value)
	h.modelValue(r.Tolerance)
	h.modelValue(r.Amber)
	h.period(r.Reference)
	h.int(r.Years)
	h.period(r.From)
	h.position(r.Pos)
	h.buf = append(h.buf, ')')
}

// translations writes a model.Translations as value does.
func (h *hasher) translations(t model.Translations) {
	stringMap(h, t, func(e *hasher, tr model.Translation) {
		e.buf = append(e.buf, '(')
		stringMap(e, tr.Text, (*hasher).str)
		e.position(tr.Pos)
		e.buf = append(e.buf, ')')
	})
}

// position writes a model.Position as value does.
func (h *hasher) position(p model.Position) {
	h.buf = append(h.buf, '(')
	h.str(p.Path)
	h.int(p.Line)
	h.int(p.Column)
	h.str(p.Sheet)
	h.buf = append(h.buf, ')')
}

// calendar writes a model.Calendar as value does.
func (h *hasher) calendar(c model.Calendar) {
	h.buf = append(h.buf, '(')
	h.buf = binary.AppendUvarint(h.buf, uint64(c.Year))
	h.buf = binary.AppendUvarint(h.buf, uint64(c.AcademicStart))
	h.buf = append(h.buf, ')')
}

// strs writes a []string as value does.
func (h *hasher) strs(ss []string) { sliceOf(h, ss, (*hasher).str) }

// pagePtr writes a *model.Page as value does.
func (h *hasher) pagePtr(p *model.Page) {
	if h.ptr(p == nil) {
		h.page(p)
	}
}

// pages writes a []*model.Page as value does.
func (h *hasher) pages(ps []*model.Page) { sliceOf(h, ps, (*hasher).pagePtr) }

// pageMap writes a map[string]*model.Page as value does.
func (h *hasher) pageMap(pm map[string]*model.Page) {
	stringMap(h, pm, (*hasher).pagePtr)
}

// page writes a model.Page as value does.
func (h *hasher) page(p *model.Page) {
	h.buf = append(h.buf, '(')
	h.str(p.Path)
	h.str(p.Title)
	h.str(p.Author)
	h.buf = append(h.buf, 't')
	h.time(p.Date)
	h.boolean(p.Draft)
	if p.Body == nil {
		h.buf = append(h.buf, 'n')
	} else {
		// A []byte: '[', its length, its bytes.
		h.buf = append(h.buf, '[')
		h.bytes(p.Body)
	}
	h.int(p.BodyLine)
	h.buf = append(h.buf, ')')
}

// commentary writes a model.Commentary as value does.
func (h *hasher) commentary(c *model.Commentary) {
	h.buf = append(h.buf, '(')
	h.str(c.Indicator)
	h.str(c.PeriodSlug)
	h.page(&c.Page)
	h.buf = append(h.buf, ')')
}

// commentaries writes a []model.Commentary as value does.
func (h *hasher) commentaries(cs []model.Commentary) {
	if h.list(cs == nil, len(cs)) {
		for i := range cs {
			h.commentary(&cs[i])
		}
	}
}

// stringMap writes a map with string keys as value does: 'n' when it is
// nil, else its entries in the order of their bytes, each its key and
// then its value as each writes it.
func stringMap[V any](h *hasher, m map[string]V, each func(*hasher, V)) {
	if m == nil {
		h.buf = append(h.buf, 'n')
		return
	}
	var es mapEntries
	es.start(h, len(m))
	for k, v := range m {
		e := es.entry()
		e.str(k)
		each(e, v)
		es.done()
	}
	es.end(h)
}

// sliceOf writes a slice as value does: its head (list), then each
// element as each writes it.
func sliceOf[E any](h *hasher, s []E, each func(*hasher, E)) {
	if h.list(s == nil, len(s)) {
		for _, e := range s {
			each(h, e)
		}
	}
}

// list writes the head of a slice as value does: 'n' when it is nil
// (and reports false: nothing follows), else '[' and its length.
func (h *hasher) list(isNil bool, n int) bool {
	if isNil {
		h.buf = append(h.buf, 'n')
		return false
	}
	h.buf = append(h.buf, '[')
	h.buf = binary.AppendUvarint(h.buf, uint64(n))
	return true
}

// ptr writes the head of a pointer as value does: 'n' when it is nil
// (and reports false), else '*'.
func (h *hasher) ptr(isNil bool) bool {
	if isNil {
		h.buf = append(h.buf, 'n')
		return false
	}
	h.buf = append(h.buf, '*')
	return true
}

// int writes an int as value does.
func (h *hasher) int(n int) { h.buf = binary.AppendVarint(h.buf, int64(n)) }

// float writes a float64 as value does.
func (h *hasher) float(f float64) {
	h.buf = binary.LittleEndian.AppendUint64(h.buf, math.Float64bits(f))
}
