package i18n

import (
	"crypto/sha256"
	"encoding/binary"
)

// Fingerprint is a hash of everything w can say: its language, its words
// and its fallback's, in key order. Equal fingerprints mean the same words;
// the keys looked up so far (Missing) are not part of it. A nil w has the
// fingerprint of no words.
func (w *Words) Fingerprint() [32]byte {
	var buf []byte
	for ; w != nil; w = w.fallback {
		buf = append(buf, 'w')
		buf = appendString(buf, w.lang)
		keys := w.Keys()
		buf = binary.AppendUvarint(buf, uint64(len(keys)))
		for _, k := range keys {
			buf = appendString(buf, k)
			buf = appendString(buf, w.text[k])
		}
	}
	return sha256.Sum256(buf)
}

func appendString(buf []byte, s string) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(s)))
	return append(buf, s...)
}
