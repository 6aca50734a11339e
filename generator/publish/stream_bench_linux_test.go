package publish

import (
	"fmt"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
)

// BenchmarkStream publishes a site shaped like the 1,000-indicator
// benchmark's (a folder of four files per indicator, and a folder of a
// thousand charts) from two goroutines, and reports the system CPU time
// it takes (set TMPDIR to choose the file system).
func BenchmarkStream(b *testing.B) {
	const indicators = 1000
	sizes := map[string]int{"index.html": 30000, "chart.svg": 12000, "data.csv": 1500, "data.json": 6000}
	type file struct {
		path string
		data []byte
	}
	var jobs [][]file
	for i := 0; i < indicators; i++ {
		var job []file
		for name, n := range sizes {
			job = append(job, file{fmt.Sprintf("indicators/kpi-%05d/%s", i, name), make([]byte, n)})
		}
		jobs = append(jobs, job)
	}
	var charts []file
	for i := 0; i < indicators; i++ {
		charts = append(charts, file{fmt.Sprintf("reports/2025-26-q4/charts/kpi-%05d.svg", i), make([]byte, 12000)})
	}
	jobs = append(jobs, charts)
	dir := b.TempDir()
	var sys time.Duration
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		s, err := Begin(filepath.Join(dir, fmt.Sprint("public", n)), Options{})
		if err != nil {
			b.Fatal(err)
		}
		before := sysTime(b)
		next := make(chan []file)
		var wg sync.WaitGroup
		for w := 0; w < 2; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for job := range next {
					for _, f := range job {
						if err := s.Add(f.path, f.data); err != nil {
							b.Error(err)
						}
					}
				}
			}()
		}
		for _, job := range jobs {
			next <- job
		}
		close(next)
		wg.Wait()
		if err := s.Commit(); err != nil {
			b.Fatal(err)
		}
		sys += sysTime(b) - before
	}
	b.ReportMetric(float64(sys.Milliseconds())/float64(b.N), "sys-ms/op")
}

func sysTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Stime.Nano())
}
