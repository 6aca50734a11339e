package publish

import (
	"os"
	"path"
	"path/filepath"
	"sync"
)

// The skeleton (docs/publishing.md, "The spare site"). A cold build with
// the cache leaves no spare site for the next build to turn into its new
// site, so the first rebuild after it would make every folder of its new
// site, and making folders is the dearest part of writing a site that is
// mostly hard links. So a cold build with the cache makes, in the
// background while it renders, a second tree of the folders it makes (no
// files) in another temporary folder beside OUT. Once the new site is
// swapped in, that tree is renamed OUT.kpisite-spare and the cache records
// the identity of each of its folders, with no manifest: the next build
// verifies it as it verifies a spare (every folder as recorded, so nothing
// was added to any of them, removed or replaced) and writes into it as
// into a spare that has folders and no files. A build killed before the
// rename leaves a temporary folder, which the next build removes; one
// killed after it and before the cache is written leaves a spare with no
// record, which the next build removes too.

// skeleton is the tree of folders a cold build makes beside its new site.
type skeleton struct {
	tmp string // a temporary folder's name beside OUT

	mu     sync.Mutex
	queue  []string // folders to make, parents first (slash-separated)
	closed bool     // finish or abandon: no more folders
	wake   chan struct{}
	done   chan struct{} // closed when the maker has stopped

	// The maker's, read once done is closed.
	made   map[string]bool
	failed bool
}

// startSkeleton starts making the skeleton (Start of a cold build with the
// cache, on Linux); nil when it cannot.
func (s *Stream) startSkeleton() {
	if !skeletonOK || s.cache == nil || s.cache.old != nil || s.spare != nil || s.inPlace {
		return
	}
	tmp := tempName(s.out)
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return
	}
	if err := os.Chmod(tmp, 0o755); err != nil { // whatever the umask: it may become OUT
		os.Remove(tmp)
		return
	}
	k := &skeleton{tmp: tmp, wake: make(chan struct{}, 1), done: make(chan struct{}), made: map[string]bool{}}
	s.skel = k
	go func() {
		defer close(k.done)
		k.run()
	}()
}

// add queues the folder d (slash-separated, not "."), just made in the
// new site; its parent was queued before it.
func (k *skeleton) add(d string) {
	if k == nil {
		return
	}
	k.mu.Lock()
	if k.closed {
		k.mu.Unlock()
		return
	}
	k.queue = append(k.queue, d)
	k.mu.Unlock()
	select {
	case k.wake <- struct{}{}:
	default:
	}
}

// next waits for folders to make; none once the skeleton is closed and
// every folder queued is taken.
func (k *skeleton) next() []string {
	for {
		k.mu.Lock()
		q, closed := k.queue, k.closed
		k.queue = nil
		k.mu.Unlock()
		if len(q) > 0 || closed {
			return q
		}
		<-k.wake
	}
}

// close stops the skeleton taking folders, and waits until the maker has
// made those queued.
func (k *skeleton) close() {
	k.mu.Lock()
	k.closed = true
	k.mu.Unlock()
	select {
	case k.wake <- struct{}{}:
	default:
	}
	<-k.done
}

// finish closes the skeleton and reports whether it holds exactly the
// folders dirs ("." included); if not, it is removed.
func (k *skeleton) finish(dirs map[string]bool) bool {
	k.close()
	ok := !k.failed && len(k.made) == len(dirs)-1
	for d := range k.made {
		ok = ok && dirs[d]
	}
	if !ok {
		os.RemoveAll(k.tmp)
	}
	return ok
}

// abandon stops the skeleton and removes it.
func (k *skeleton) abandon() {
	if k == nil {
		return
	}
	k.close()
	os.RemoveAll(k.tmp)
}

// keep renames the finished skeleton to the spare's name beside out, and
// reports whether it did (if not, it is removed).
func (k *skeleton) keep(out string) bool {
	spare := out + spareSuffix
	os.RemoveAll(spare)
	if err := os.Rename(k.tmp, spare); err != nil {
		os.RemoveAll(k.tmp)
		return false
	}
	return true
}

// skeletonIndex is the cache's record of the skeleton kept as the spare
// (no manifest, no pages): the identity of each of its folders, read
// under spare; nil when one cannot be read.
func skeletonIndex(spare string, dirs map[string]bool) *spareIndex {
	ids := treeIDs(spare, dirs)
	if ids == nil {
		return nil
	}
	return &spareIndex{Dirs: ids, Pages: map[string]cachePage{}}
}

// verifySkeleton checks a spare recorded with no manifest (a skeleton)
// against its record: every folder recorded, and only those, with the
// identity recorded (so no file or folder was added to any of them).
func verifySkeleton(spare string, rec *spareIndex) (*spareSite, string) {
	if _, ok := rec.Dirs["."]; !ok {
		return nil, "its folders are not the ones recorded"
	}
	sp := &spareSite{files: map[string]int{}, dirs: make(map[string]bool, len(rec.Dirs)), recDirs: rec.Dirs, pages: map[string]cachePage{}}
	for d := range rec.Dirs {
		if d == "." {
			continue
		}
		if _, ok := rec.Dirs[path.Dir(d)]; !validOutPath(d) || !ok {
			return nil, "its folders are not the ones recorded"
		}
		sp.dirs[d] = true
	}
	for d, want := range rec.Dirs {
		id, err := dirID(filepath.Join(spare, filepath.FromSlash(d)))
		if err != nil || !id.Valid || !sameID(id, want) {
			return nil, "a folder in it was changed"
		}
	}
	return sp, ""
}
