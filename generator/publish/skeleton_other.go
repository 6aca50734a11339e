//go:build !linux

package publish

// Outside Linux a build keeps no pages (there are no file identities), so
// it makes no skeleton.
const skeletonOK = false

func (k *skeleton) run() {}
