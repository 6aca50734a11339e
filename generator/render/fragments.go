package render

import (
	"io"
	"sync"
	"time"

	"kpisite/generator/model"
)

// Fragments keeps, between builds, the pieces of the pages that show
// every indicator: the current report's section of each indicator and
// each commentary's entry in feed.xml. On a rebuild after one figure
// changes these pages are rendered again (their keys hold every input),
// but each piece whose own key is unchanged is copied from the store
// instead of being rendered, with its commentary converted from Markdown
// again. Package publish keeps the store (publish.Fragments).
//
// A piece's key (fragmentKey) holds exactly what it is made from: the
// options and words every page is rendered with (the build and theme in
// KeySalt, the version, the language, the words), site.toml, the current
// period, and the piece's own inputs: for a report section the report's
// period and the indicator's series (definition and every computed
// point: seriesKey.all), its commentary and its chart's description; for
// a feed entry the indicator's definition, the commentary and the
// feed's default date. Each is hashed by the same generic walk as page
// keys (keyhash.go), so a new field of the model is in the key without
// anyone remembering it.
type Fragments interface {
	// Live says that this build shows the page group (its fragments are
	// kept in the store even when the page is not rendered, its files
	// kept whole).
	Live(group string)
	// Len is the length of the fragment an earlier build stored under
	// key, when there is one.
	Len(key Key) (int, bool)
	// Get reads the fragment stored under key by an earlier build into
	// buf (grown when too short: a caller reuses one buffer) and
	// returns it.
	Get(key Key, buf []byte) ([]byte, bool)
	// Put stores a fragment of group, rendered or got, for the next build.
	Put(group string, key Key, data []byte)
}

// fragments is the store when this build keeps pieces of pages: with a
// cache (the keys) and streamed pages.
func (b *builder) fragments() Fragments {
	if b.o.Fragments == nil || !b.caching() || !b.streaming() {
		return nil
	}
	return b.o.Fragments
}

// fragmentBase is what every fragment's key holds.
func (b *builder) fragmentBase() Key {
	b.fragOnce.Do(func() {
		var h hasher
		h.str("kpisite fragment key 1")
		h.bytes(b.o.KeySalt)
		h.str(b.o.Version)
		h.any(b.o.Language)
		w := b.o.Words.Fingerprint()
		h.bytes(w[:])
		h.any(b.in.Site)
		h.any(b.o.Current)
		h.any(b.o.ReportsFrom)
		b.fragBase = h.sum()
	})
	return b.fragBase
}

// sectionKey is the key of the section of s in the report of period p.
func (b *builder) sectionKey(s *model.Series, p model.Period) Key {
	var h hasher
	h.key(b.fragmentBase())
	h.str("report section")
	h.any(p)
	sk := b.keys.series[s]
	h.key(sk.all)
	h.key(sk.comments)
	part := b.parts[s]
	h.str(part.desc)
	h.any(part.hasReport)
	return h.sum()
}

// feedEntryKey is the key of the feed entry of commentary cm on s (its
// j-th in builder.comments), whose date is def when it has none of its
// own.
func (b *builder) feedEntryKey(s *model.Series, j int, def time.Time) Key {
	var h hasher
	h.key(b.fragmentBase())
	h.str("feed entry")
	sk := b.keys.series[s]
	h.key(sk.static)
	h.key(sk.comment[j])
	h.any(def)
	return h.sum()
}

// liveFragments tells the store which pages with fragments this build
// shows: the current period's report and the feed.
func (b *builder) liveFragments() {
	f := b.fragments()
	if f == nil {
		return
	}
	for _, rp := range b.reports {
		if rp.Period == b.o.Current {
			f.Live(b.o.Language.Prefix + reportPath(rp.Period))
		}
	}
	f.Live(b.o.Language.Prefix + "feed.xml")
}

// capture passes what a template writes on to w, and while on keeps a
// copy: the bytes one section of a report wrote, to be stored.
type capture struct {
	w   io.Writer
	on  bool
	buf []byte
}

func (c *capture) Write(p []byte) (int, error) {
	if c.on {
		c.buf = append(c.buf, p...)
	}
	return c.w.Write(p)
}

// fragState is the part of builder the fragments need.
type fragState struct {
	fragOnce sync.Once
	fragBase Key
}
