package publish

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
)

// The spare site (docs/publishing.md). A build with a cache does not
// remove the site it replaces: it keeps it beside OUT as OUT.kpisite-spare,
// and the cache records, for the spare as for OUT, each page's key and the
// identity of each of its files, and the identity of every folder. The
// next build turns the spare into the new site in place instead of making
// a new tree: a page whose key is the spare's keeps its files where they
// are, one whose key is OUT's is hard-linked from OUT over the spare's old
// file, and the others are written over it; at Commit whatever of the
// spare the build did not keep or write is removed, and the spare is
// swapped in. So a rebuild makes and removes only what changed.
//
// The spare is trusted only as recorded: its manifest has the checksum
// the cache recorded, and every folder the manifest implies has the
// identity recorded (a folder's change and modification times move when
// an entry is added to it, removed or renamed, so nothing else can be in
// it); a folder that differs, or a spare that is not a folder, and the
// spare is removed and the build writes a new folder, as without one. A
// file that differs only loses its page's place (it is linked from OUT or
// rendered). Before it is changed, the spare is renamed to a temporary
// folder's name (OUT.kpisite-new-*), so that a build killed while changing
// it leaves nothing the next build would trust: that build removes it.

const spareSuffix = ".kpisite-spare"

// spareIndex is the cache's record of the spare site.
type spareIndex struct {
	Manifest string            // SHA-256 of its .kpisite-manifest, hex
	Dirs     map[string]fileID // every folder, "." the spare itself
	// Pages are the spare's pages whose record differs from OUT's page of
	// the same name; Same names those recorded exactly as OUT's (the same
	// key, note and files: the same inodes, linked).
	Pages map[string]cachePage
	Same  []string
}

// A spare file's state while a build turns the spare into its site.
const (
	spareOld     = iota + 1 // still the spare's: removed at Commit unless kept
	spareClaimed            // this build's file: kept, linked or written there
)

// spareSite is the spare in use as this build's temporary folder, or the
// folders made ahead in a new one (premake.go: no pages, no files).
type spareSite struct {
	pages map[string]cachePage // the spare's pages, as recorded

	// recDirs is the identity of each of the spare's folders, as verified
	// (nil for folders made ahead): writeCache takes those of the folders
	// this build did not change (Stream.touch).
	recDirs map[string]fileID

	// ready is closed once the folders made ahead are made (nil for a
	// spare); stop stops making them.
	ready chan struct{}
	stop  atomic.Bool

	mu    sync.Mutex
	files map[string]int  // by path: spareOld or spareClaimed
	dirs  map[string]bool // the spare's folders (not ".")
	temps int             // names of temporary files made so far
}

// Counts says how a build made its files: pages kept in place in the
// spare, pages hard-linked from OUT, and files written.
type Counts struct {
	Kept, Linked, Written int
}

// Counts is how this build made its files so far.
func (s *Stream) Counts() Counts {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts
}

// count adds to the counts.
func (s *Stream) count(kept, linked, written int) {
	s.mu.Lock()
	s.counts.Kept += kept
	s.counts.Linked += linked
	s.counts.Written += written
	s.mu.Unlock()
}

// useSpare makes the spare beside OUT, verified as sp, this build's
// temporary folder; it removes the spare if it cannot. It reports whether
// it did.
func (s *Stream) useSpare(sp *spareSite) bool {
	spare := s.out + spareSuffix
	tmp := tempName(s.out)
	if err := os.Rename(spare, tmp); err != nil {
		os.RemoveAll(spare)
		return false
	}
	s.tmp, s.spare = tmp, sp
	s.touched = map[string]bool{}
	if err := s.o.at("spare taken"); err != nil {
		s.stop = err
	}
	return true
}

// verifySpare checks the spare folder against its record, and returns
// what the build needs of it; nil and why when it cannot be trusted ("":
// there is none to say anything about).
func verifySpare(spare string, idx *cacheIndex) (*spareSite, string) {
	rec := idx.Spare
	st, err := os.Lstat(spare)
	if err != nil {
		if rec == nil || errors.Is(err, fs.ErrNotExist) {
			return nil, ""
		}
		return nil, err.Error()
	}
	if rec == nil {
		return nil, "the build cache has no record of it"
	}
	if !st.IsDir() {
		return nil, "it is not a folder"
	}
	m, sum, err := readManifestSum(spare)
	if err != nil {
		return nil, "it has no manifest"
	}
	if sum != rec.Manifest {
		return nil, "its manifest is not the one recorded"
	}
	paths, ok := readManifest(m)
	if !ok {
		return nil, "its manifest cannot be read"
	}
	sp := &spareSite{files: make(map[string]int, len(paths)+1), dirs: map[string]bool{}, recDirs: rec.Dirs}
	sp.files[ManifestName] = spareOld
	for _, p := range paths {
		sp.files[p] = spareOld
		for d := path.Dir(p); d != "." && !sp.dirs[d]; d = path.Dir(d) {
			sp.dirs[d] = true
		}
	}
	if len(rec.Dirs) != len(sp.dirs)+1 {
		return nil, "its folders are not the ones recorded"
	}
	for d, want := range rec.Dirs {
		if d != "." && !sp.dirs[d] {
			return nil, "its folders are not the ones recorded"
		}
		id, err := dirID(filepath.Join(spare, filepath.FromSlash(d)))
		if err != nil || !id.Valid || !sameID(id, want) {
			return nil, "a folder in it was changed"
		}
	}
	sp.pages = make(map[string]cachePage, len(rec.Pages)+len(rec.Same))
	for n, pg := range rec.Pages {
		sp.pages[n] = pg
	}
	for _, n := range rec.Same {
		if pg, ok := idx.Pages[n]; ok {
			sp.pages[n] = pg
		}
	}
	return sp, ""
}

// readManifest returns the paths a manifest lists, each checked as Add
// checks it.
func readManifest(m []byte) ([]string, bool) {
	body, ok := bytes.CutPrefix(m, []byte(manifestHead))
	if !ok {
		return nil, false
	}
	lines := strings.Split(string(body), "\n")
	if len(lines) == 0 || lines[len(lines)-1] != "" {
		return nil, false
	}
	lines = lines[:len(lines)-1]
	for _, p := range lines {
		if !validOutPath(p) {
			return nil, false
		}
	}
	return lines, true
}

// validOutPath reports whether p may be a file of a build (as Add checks).
func validOutPath(p string) bool {
	return fs.ValidPath(p) && !strings.Contains(p, "\\") && p != "." && p != ManifestName && !isWorkName(strings.SplitN(p, "/", 2)[0])
}

func isNotDir(err error) bool { return errors.Is(err, syscall.ENOTDIR) }

func sameID(a, b fileID) bool {
	return a.Dev == b.Dev && a.Ino == b.Ino && a.Size == b.Size && a.Mtime == b.Mtime && a.Ctime == b.Ctime
}

// tempName is a new name for a temporary folder beside out.
func tempName(out string) string {
	var rnd [6]byte
	_, _ = rand.Read(rnd[:])
	return out + newSuffix + "-" + hex.EncodeToString(rnd[:])
}

// keepInPlace keeps the spare's files of page pg where they are, if each
// is still the spare's and has the identity recorded. It claims them.
func (s *Stream) keepInPlace(pg cachePage) bool {
	sp := s.spare
	for _, f := range pg.Files {
		if !validOutPath(f.Path) {
			return false
		}
		sp.mu.Lock()
		state := sp.files[f.Path]
		sp.mu.Unlock()
		if state != spareOld {
			return false
		}
		id, err := statID(filepath.Join(s.tmp, filepath.FromSlash(f.Path)))
		if err != nil || !id.Valid || !sameID(id, f.ID) {
			return false
		}
	}
	sp.mu.Lock()
	defer sp.mu.Unlock()
	for _, f := range pg.Files {
		if sp.files[f.Path] != spareOld {
			return false
		}
	}
	for _, f := range pg.Files {
		sp.files[f.Path] = spareClaimed
	}
	return true
}

// claim reports whether p is a file of the spare still, which this build
// now replaces: the caller writes its file to a temporary name and
// renames it over p. A path the spare does not have (or that this build
// has written already) is created new, as without a spare.
func (sp *spareSite) claim(p string) bool {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	if sp.files[p] != spareOld {
		return false
	}
	sp.files[p] = spareClaimed
	return true
}

// unclaim gives p back to the spare (it could not be replaced).
func (sp *spareSite) unclaim(p string) {
	sp.mu.Lock()
	sp.files[p] = spareOld
	sp.mu.Unlock()
}

// takeFile reports whether name is a file of the spare still, which the
// caller removes (this build has a folder there).
func (sp *spareSite) takeFile(name string) bool {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	if sp.files[name] != spareOld {
		return false
	}
	delete(sp.files, name)
	return true
}

// takeDir reports whether p is a folder of the spare, which the caller
// removes with all it holds (this build has a file there).
func (sp *spareSite) takeDir(p string) bool {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	if !sp.dirs[p] {
		return false
	}
	sp.wait() // a folder made ahead is made before it is removed
	prefix := p + "/"
	delete(sp.dirs, p)
	for d := range sp.dirs {
		if strings.HasPrefix(d, prefix) {
			delete(sp.dirs, d)
		}
	}
	for f := range sp.files {
		if strings.HasPrefix(f, prefix) {
			delete(sp.files, f)
		}
	}
	return true
}

// forget records that p is no longer on disk (a file linked over it and
// then removed again).
func (sp *spareSite) forget(p string) {
	sp.mu.Lock()
	delete(sp.files, p)
	sp.mu.Unlock()
}

// tempFor is a name for a temporary file in the folder of p, which no
// file of a site has.
func (sp *spareSite) tempFor(p string) string {
	sp.mu.Lock()
	sp.temps++
	n := sp.temps
	sp.mu.Unlock()
	return fmt.Sprintf("%s-%d", newSuffix, n)
}

// trimSpare removes, at Commit, what is left of the spare that this build
// neither kept nor wrote: its files, then its folders the build does not
// have (dirs: the build's folders).
func (s *Stream) trimSpare(dirs map[string]bool) error {
	sp := s.spare
	sp.wait()
	sp.mu.Lock()
	defer sp.mu.Unlock()
	for p, state := range sp.files {
		if state != spareOld {
			continue
		}
		s.touch(path.Dir(p))
		err := os.Remove(filepath.Join(s.tmp, filepath.FromSlash(p)))
		if err != nil && !errors.Is(err, fs.ErrNotExist) && !isNotDir(err) {
			return fmt.Errorf("publish: remove a file of the previous site: %w", err)
		}
		delete(sp.files, p)
	}
	var gone []string
	for d := range sp.dirs {
		if !dirs[d] {
			gone = append(gone, d)
		}
	}
	// The deepest first, so that each is empty when it is removed.
	sort.Slice(gone, func(i, j int) bool {
		ci, cj := strings.Count(gone[i], "/"), strings.Count(gone[j], "/")
		if ci != cj {
			return ci > cj
		}
		return gone[i] < gone[j]
	})
	for _, d := range gone {
		s.touch(path.Dir(d))
		full := filepath.Join(s.tmp, filepath.FromSlash(d))
		if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
			if err := os.RemoveAll(full); err != nil {
				return fmt.Errorf("publish: remove a folder of the previous site: %w", err)
			}
		}
	}
	return nil
}

// folders is every folder that holds one of paths, "." included.
func folders(paths []string) map[string]bool {
	dirs := map[string]bool{".": true}
	for _, p := range paths {
		for d := path.Dir(p); !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	return dirs
}

// treeIDs reads the identity of each folder of dirs under root; nil when
// one cannot be read.
func treeIDs(root string, dirs map[string]bool) map[string]fileID {
	ids := make(map[string]fileID, len(dirs))
	for d := range dirs {
		id, err := dirID(filepath.Join(root, filepath.FromSlash(d)))
		if err != nil || !id.Valid {
			return nil
		}
		ids[d] = id
	}
	return ids
}

// unchanged reports whether every folder under root has the identity
// recorded in ids (and there is at least the root).
func unchanged(root string, ids map[string]fileID) bool {
	if _, ok := ids["."]; !ok {
		return false
	}
	for d, want := range ids {
		id, err := dirID(filepath.Join(root, filepath.FromSlash(d)))
		if err != nil || !id.Valid || !sameID(id, want) {
			return false
		}
	}
	return true
}

// touch records that this build changed the entries of the folder d of
// the spare it turns into its site (d's identity is read again by
// writeCache). Only while a spare is in use.
func (s *Stream) touch(d string) {
	if s.touched == nil {
		return
	}
	s.touchMu.Lock()
	s.touched[d] = true
	s.touchMu.Unlock()
}

// folderIDs reads the identity of each folder of dirs in the new site
// (tmp before the swap, OUT after): where the site is the spare, a folder
// this build did not touch has the identity it was verified with (a
// change by anything else since moves its change time, and the next
// build then finds the record stale). Nil when one cannot be read.
func (s *Stream) folderIDs(root string, dirs map[string]bool) map[string]fileID {
	if s.touched == nil || s.spare == nil || s.spare.recDirs == nil {
		return treeIDs(root, dirs)
	}
	s.touchMu.Lock()
	defer s.touchMu.Unlock()
	ids := make(map[string]fileID, len(dirs))
	for d := range dirs {
		if id, ok := s.spare.recDirs[d]; ok && d != "." && !s.touched[d] {
			ids[d] = id
			continue
		}
		id, err := dirID(filepath.Join(root, filepath.FromSlash(d)))
		if err != nil || !id.Valid {
			return nil
		}
		ids[d] = id
	}
	return ids
}
