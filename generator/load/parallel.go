package load

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// inParallel calls f(i) for every i from 0 to n-1 on as many goroutines
// as there are processors, and returns when every call has. Each call
// must write only its own i's results: the caller puts them together in
// order of i afterwards, so that what is read, and every problem and its
// order, is the same as reading the files one after another.
func inParallel(n int, f func(i int)) {
	workers := min(n, runtime.GOMAXPROCS(0))
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}
